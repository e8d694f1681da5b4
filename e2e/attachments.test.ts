import { expect, it } from 'vitest';
import { PDF, photo } from '../server/test/attachment-files.js';
import { DEMO_PASSWORD } from '../server/seed/demo.js';
import { describeInBrowser } from './support/browser.js';
import { signedInPage } from './support/pages.js';
import { openPhone, phoneReceives, textFromPhone } from './support/phone.js';
import { useTextingApp } from './support/texting-app.js';

describeInBrowser('attachments between the app and a simulated phone', () => {
  const app = useTextingApp();

  it('two files dropped with text make three messages; the phone gets a picture and a link whose page downloads the file; a picture texted in shows inline', async () => {
    const number = '+12015550166';
    const picture = await photo(480, 360, 'png');
    const admin = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const phone = await openPhone(app.browser(), app.server().url, number);
    await textFromPhone(phone, number, 'Can you send the spec sheet?');
    const item = admin.page.getByTestId('conversation-item').filter({ hasText: 'Text from (201) 555-0166' });
    await item.waitFor();
    await item.click();
    await admin.page.getByTestId('message').filter({ hasText: 'Can you send the spec sheet?' }).waitFor();

    // Drop two files on the conversation, as a file manager would.
    const files = await admin.page.evaluateHandle(
      ([png, pdf]) => {
        const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes(png!)], 'shelf.png', { type: 'image/png' }));
        dt.items.add(new File([bytes(pdf!)], 'spec-sheet.pdf', { type: 'application/pdf' }));
        return dt;
      },
      [picture.toString('base64'), PDF.toString('base64')],
    );
    const pane = admin.page.getByTestId('drop-zone');
    await pane.dispatchEvent('dragenter', { dataTransfer: files });
    await admin.page.getByText('Drop files to attach').waitFor();
    await pane.dispatchEvent('dragover', { dataTransfer: files });
    await pane.dispatchEvent('drop', { dataTransfer: files });
    const list = admin.page.getByRole('list', { name: 'Attachments' });
    await list.getByRole('listitem').filter({ hasText: 'shelf.png' }).getByText('Sent as a picture').waitFor();
    await list.getByRole('listitem').filter({ hasText: 'spec-sheet.pdf' }).getByText('Sent as a download link').waitFor();
    await admin.page.getByLabel('Message').fill('Here is the shelf and the spec sheet.');
    const send = admin.page.getByRole('button', { name: 'Send External' });
    await expect.poll(() => send.isEnabled(), { timeout: 20_000 }).toBe(true);
    await send.click();

    const messages = admin.page.getByTestId('message');
    const text = messages.filter({ hasText: 'Here is the shelf and the spec sheet.' });
    const image = messages.filter({ has: admin.page.getByRole('img', { name: 'shelf.png' }) });
    const file = messages.filter({ has: admin.page.getByTestId('file-chip') });
    for (const m of [text, image, file]) await m.getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor({ timeout: 20_000 });
    await expect(list.count()).resolves.toBe(0);
    // Text first, then the files in the order they were dropped.
    const order = await messages.evaluateAll((els) => els.map((e) => (e.querySelector('img') ? 'picture' : e.querySelector('[data-testid="file-chip"]') ? 'file' : e.textContent)));
    expect(order.slice(-3)).toEqual([expect.stringContaining('Here is the shelf and the spec sheet.'), 'picture', 'file']);

    // The phone gets the text, the picture inline and a tappable link.
    await phoneReceives(phone, 'Here is the shelf and the spec sheet.');
    const box = phone.locator(`[data-phone="${number}"]`);
    await box.getByTestId('phone-message').locator('img').first().waitFor();
    const link = box.getByRole('link', { name: /\/files\/d\// });
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;

    // Tapping the link opens the download page; its button downloads the file.
    const linkPage = await phone.context().newPage();
    await linkPage.goto(href);
    await linkPage.getByRole('heading', { name: 'spec-sheet.pdf' }).waitFor();
    await linkPage.getByText('PDF document').waitFor();
    const [download] = await Promise.all([linkPage.waitForEvent('download'), linkPage.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('spec-sheet.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    // Staff see that the link was opened.
    await admin.page.reload();
    await file.getByText(/Opened 2 times/).waitFor();
    await file.getByText(/Link expires/).waitFor();

    // The phone texts a picture in: staff see it inline once fetched, and larger on click.
    await box.getByLabel('Image').setInputFiles({ name: 'damage.png', mimeType: 'image/png', buffer: picture });
    await box.getByLabel('Message').fill('This one arrived damaged');
    await box.getByRole('button', { name: 'Send' }).click();
    const inbound = messages.filter({ hasText: 'This one arrived damaged' });
    const thumbnail = inbound.getByRole('img');
    await thumbnail.waitFor({ timeout: 20_000 });
    await thumbnail.click();
    const viewer = admin.page.getByRole('dialog');
    await viewer.getByRole('link', { name: 'Download' }).waitFor();
    await viewer.getByRole('button', { name: 'Close' }).click();

    await linkPage.close();
    await admin.context.close();
    await phone.context().close();
  });
});
