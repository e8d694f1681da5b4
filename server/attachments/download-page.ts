import { downloadName, formatBytes, imageFormatName } from '../../core/attachments.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A friendly name for a content type on the download page. */
export function describeType(contentType: string): string {
  const known: Record<string, string> = {
    'application/pdf': 'PDF document',
    'application/zip': 'ZIP archive',
    'text/plain': 'Text file',
    'text/csv': 'CSV file',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
    'application/octet-stream': 'File',
  };
  if (known[contentType]) return known[contentType];
  if (contentType.startsWith('image/')) return `${imageFormatName(contentType)} picture`;
  if (contentType.startsWith('video/')) return 'Video';
  if (contentType.startsWith('audio/')) return 'Audio';
  return contentType;
}

function page(title: string, company: string, inner: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>
  body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f3f5f8; color: #1d2430; }
  main { max-width: 26rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
  .company { font-size: .85rem; color: #5b6676; margin: 0 0 1rem; }
  h1 { font-size: 1.2rem; margin: 0 0 .5rem; word-break: break-word; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem .75rem; margin: 0 0 1.25rem; color: #3a4452; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .button { display: block; text-align: center; padding: .85rem 1rem; border-radius: 8px; background: #1f6feb; color: #fff; text-decoration: none; font-weight: 600; font-size: 1.05rem; }
  .note { font-size: .85rem; color: #5b6676; margin-top: 1rem; }
</style>
</head>
<body><main><p class="company">${escape(company)}</p>${inner}</main></body>
</html>`;
}

export function downloadPage(file: { token: string; fileName: string; size: number; contentType: string; expiresAt: string | null; timeZone: string }, company: string): string {
  const expires = file.expiresAt
    ? new Date(file.expiresAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: file.timeZone })
    : null;
  return page(
    file.fileName,
    company,
    `<h1>${escape(file.fileName)}</h1>
<dl><dt>Size</dt><dd>${escape(formatBytes(file.size))}</dd><dt>Type</dt><dd>${escape(describeType(file.contentType))}</dd></dl>
<a class="button" href="${escape(file.token)}/download" download="${escape(downloadName(file.fileName, file.contentType))}">Download</a>
${expires ? `<p class="note">This link works until ${escape(expires)}.</p>` : ''}`,
  );
}

export function expiredPage(company: string): string {
  return page('Link expired', company, `<h1>This download link has expired</h1><p>Download links stay active for 14 days. Reply to the text to ask for the file again.</p>`);
}

export function unavailablePage(company: string): string {
  return page('File not available', company, `<h1>This file is not available</h1><p>The link is not valid, or the file was removed. Reply to the text to ask for it again.</p>`);
}
