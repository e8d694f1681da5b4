import fs from 'node:fs';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { createMediaFetcher, MAX_FETCH_ATTEMPTS } from './inbound/fetch-inbound-media.js';
import { PDF, download, photo, upload } from '../test/attachment-files.js';
import type { ApiClient, Harness } from '../test/harness.js';
import { describeEachDatabase } from '../test/harness.js';
import { freshNumber, receiveText } from '../test/twilio-signing.js';
import { createDispatcher } from '../texting/outbox/dispatcher.js';
import { resolveTexting } from '../texting/settings/texting-settings.js';
import { createInboundProcessor } from '../texting/inbound/process-inbound.js';
import { startTestServer } from '../emulator/testing/test-server.js';

const DAY = 86_400_000;
const thread = async (c: ApiClient, id: number) => (await c.get(`/api/conversations/${id}/messages?limit=200`)).body.items;

async function externalConversation(h: Harness, c: ApiClient, numbers: string[]) {
  const res = await c.post('/api/conversations', { subject: 'Attachments', phoneNumbers: numbers });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

/** Sends the outbox through the emulator (which fetches MMS media over HTTP) and waits for the carrier. */
async function dispatch(h: Harness) {
  await createDispatcher(h.running.services, { batch: 50, concurrency: 4, ratePerSecond: 0 }).runOnce();
  await h.running.emulator!.idle();
}

/** How many files the attachment store holds (disk on SQLite, the database on PostgreSQL). */
const storedFiles = (h: Harness) => h.running.services.files.count();

describeEachDatabase(
  'attachments',
  (h) => {
    it('keeps files on disk with SQLite and in the database with PostgreSQL, so every instance sees them', () => {
      expect(h().running.services.files.kind).toBe(h().dialect === 'postgres' ? 'database' : 'disk');
    });

    it('refuses an upload over the limit with 413, an empty one with 400, and stores nothing for either', async () => {
      const alice = await h().signIn('alice');
      const before = await storedFiles(h());
      const rowsBefore = (await h().running.services.db.selectFrom('attachments').select('id').execute()).length;
      const big = await upload(h(), alice, 'scan.tiff', Buffer.alloc(1024 * 1024 + 1, 1));
      expect(big.status).toBe(413);
      expect(big.body.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than the 1 MB upload limit.' });
      const empty = await upload(h(), alice, 'empty.txt', Buffer.alloc(0));
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toBe('The file “empty.txt” is empty.');
      expect(await storedFiles(h())).toBe(before);
      expect(await h().running.services.db.selectFrom('attachments').select('id').execute()).toHaveLength(rowsBefore);
    });

    it('detects the type from the bytes, not the name, and tells how each file would be texted', async () => {
      const alice = await h().signIn('alice');
      const disguised = await upload(h(), alice, 'photo.jpg', PDF);
      expect(disguised.status).toBe(201);
      expect(disguised.body).toMatchObject({
        fileName: 'photo.jpg',
        contentType: 'application/pdf',
        isImage: false,
        thumbnailUrl: null,
        texting: { as: 'link', note: 'The name says JPEG picture, but the file is a PDF document; it is sent as a download link and saved as “photo.jpg.pdf”.' },
      });
      expect((await download(h(), alice, `${disguised.body.url}?download=1`)).headers['content-disposition']).toMatch(/^attachment; filename="photo.jpg.pdf"/);
      const png = await upload(h(), alice, 'C:\\Users\\alice\\shelf.png', await photo(300, 200, 'png'));
      expect(png.body).toMatchObject({ fileName: 'shelf.png', contentType: 'image/png', isImage: true, width: 300, height: 200, texting: { as: 'mms', note: null } });
      const thumb = await download(h(), alice, png.body.thumbnailUrl);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      expect((await sharp(thumb.bytes).metadata()).width).toBe(300);
      // An upload is the uploader's alone until it is sent.
      const bob = await h().signIn('bob');
      expect((await download(h(), bob, png.body.url)).status).toBe(404);
      expect((await bob.post('/api/conversations/1/messages', { body: '', attachmentIds: [png.body.id] })).status).not.toBe(201);
    });

    it('converts an iPhone HEIC photo to JPEG for MMS and for the browser, keeping the original', async () => {
      const alice = await h().signIn('alice');
      const heic = fs.readFileSync(new URL('./fixtures/gradient-320x240.heic', import.meta.url));
      const res = await upload(h(), alice, 'IMG_1234.HEIC', heic);
      expect(res.body).toMatchObject({ contentType: 'image/heic', isImage: true, width: 320, height: 240, texting: { as: 'mms', note: 'Converted from HEIC to JPEG for MMS.' } });
      expect(res.body.viewUrl).toBe(`/api/attachments/${res.body.id}/view`);
      const view = await download(h(), alice, res.body.viewUrl);
      expect(view.headers['content-type']).toBe('image/jpeg');
      expect(await sharp(view.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
      expect((await download(h(), alice, res.body.url)).bytes.equals(heic)).toBe(true);
    });

    it('posts text and two attachments as three messages, text first, in an internal conversation too', async () => {
      const alice = await h().signIn('alice');
      const bob = await h().signIn('bob');
      const conv = await alice.post('/api/conversations', { subject: 'Shelf photos', tags: [{ kind: 'user', id: bob.userId }] });
      const pdf = await upload(h(), alice, 'invoice.pdf', PDF);
      const png = await upload(h(), alice, 'shelf.png', await photo(120, 80, 'png'));
      const res = await alice.post(`/api/conversations/${conv.body.id}/messages`, { body: 'See attached', attachmentIds: [png.body.id, pdf.body.id] });
      expect(res.status).toBe(201);
      expect(res.body.batch.map((m: { body: string; attachments: { fileName: string }[] }) => [m.body, m.attachments.map((a) => a.fileName)])).toEqual([
        ['See attached', []],
        ['', ['shelf.png']],
        ['', ['invoice.pdf']],
      ]);
      const messages = await thread(bob, conv.body.id);
      expect(messages.slice(-3).map((m: { id: number }) => m.id)).toEqual(res.body.batch.map((m: { id: number }) => m.id));
      expect(messages.at(-1).attachments[0]).toMatchObject({ texting: null, link: null, contentType: 'application/pdf' });
      const file = await download(h(), bob, messages.at(-1).attachments[0].url);
      expect(file.bytes.equals(PDF)).toBe(true);
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="invoice.pdf"/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      // Attachments only: N messages. An attachment cannot be sent twice.
      const again = await alice.post(`/api/conversations/${conv.body.id}/messages`, { body: '', attachmentIds: [png.body.id] });
      expect(again.status).toBe(400);
      const carol = await h().signIn('carol');
      expect((await download(h(), carol, messages.at(-1).attachments[0].url)).status).toBe(404);
    });

    it('texts a picture as MMS: Twilio fetches the signed media URL with HEAD and GET and gets the exact bytes and type', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      await h().optIn(n);
      const id = await externalConversation(h(), alice, [n]);
      const bytes = await photo(640, 480, 'png');
      const png = await upload(h(), alice, 'pallet.png', bytes);
      const res = await alice.post(`/api/conversations/${id}/messages`, { body: 'Your pallet', attachmentIds: [png.body.id] });
      expect(res.body.batch).toHaveLength(2);
      await dispatch(h());
      const [text, mms] = h().running.emulator!.stored({ phone: n });
      expect(text!.body).toBe('Your pallet');
      expect(mms!.status).toBe('delivered');
      expect(mms!.media).toHaveLength(1);
      expect(mms!.media[0]!.contentType).toBe('image/png');
      expect(mms!.media[0]!.bytes.equals(bytes)).toBe(true);
      const url = new URL(mms!.mediaUrls[0]!);
      expect(url.pathname).toMatch(/^\/files\/m\/\d+\/[A-Za-z0-9_-]{43}$/);
      const head = await h().running.app.inject({ method: 'HEAD', url: url.pathname });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-type']).toBe('image/png');
      expect(Number(head.headers['content-length'])).toBe(bytes.length);
      // Forged or altered URLs are refused.
      const [, , , idPart, signature] = url.pathname.split('/');
      const forged = [`/files/m/${idPart}/${signature!.slice(0, -2)}AA`, `/files/m/${Number(idPart) + 1}/${signature}`, `/files/m/${idPart}/x`];
      for (const p of forged) expect((await h().running.app.inject({ method: 'GET', url: p })).statusCode).toBe(404);
      const [, picture] = await thread(alice, id).then((m) => m.slice(-2));
      expect(picture.attachments[0].texting).toEqual({ as: 'mms', note: null });
      expect(picture.deliveries[0].status).toBe('delivered');
    });

    it('makes a picture over the MMS limit fit, converts other formats to JPEG, and sends one that cannot fit as a link', async () => {
      const admin = await h().signIn('root', { role: 'admin' });
      expect((await admin.put('/api/preferences', { mmsSizeLimitKb: 40 })).status).toBe(200);
      const alice = await h().signIn('alice');
      const n = freshNumber();
      await h().optIn(n);
      const id = await externalConversation(h(), alice, [n]);
      const big = await upload(h(), alice, 'big.png', await photo(1200, 900, 'png'));
      expect(big.body.texting.as).toBe('mms');
      expect(big.body.texting.note).toMatch(/^Reduced from .+ to .+ to fit the 40 KB MMS limit; staff keep the original\.$/);
      const webp = await upload(h(), alice, 'label.webp', await photo(200, 150, 'webp'));
      expect(webp.body.texting.note).toBe('Converted from WebP to JPEG for MMS.');
      await admin.put('/api/preferences', { mmsSizeLimitKb: 1 });
      const tooBig = await upload(h(), alice, 'noise.jpg', await photo(800, 800, 'jpeg'));
      expect(tooBig.body.texting).toEqual({ as: 'link', note: 'Sent as a download link: the picture could not be made smaller than the 1 KB MMS limit.' });
      await admin.put('/api/preferences', { mmsSizeLimitKb: 40 });
      await alice.post(`/api/conversations/${id}/messages`, { body: '', attachmentIds: [big.body.id, webp.body.id, tooBig.body.id] });
      await dispatch(h());
      const [first, second, third] = h().running.emulator!.stored({ phone: n });
      for (const m of [first!, second!]) {
        expect(m.status).toBe('delivered');
        expect(m.media[0]!.contentType).toBe('image/jpeg');
        expect(m.media[0]!.bytes.length).toBeLessThanOrEqual(40 * 1024);
        expect((await sharp(m.media[0]!.bytes).metadata()).format).toBe('jpeg');
      }
      expect(third!.media).toHaveLength(0);
      expect(third!.body).toMatch(/^noise\.jpg \(.+\), download within 14 days: http:\/\/.+\/files\/d\/[A-Za-z0-9_-]{32}$/);
      // Staff keep the original.
      const original = await download(h(), alice, big.body.url);
      expect((await sharp(original.bytes).metadata()).format).toBe('png');
    });

    it('texts a PDF as a download link that works on day 13, records each opening, and answers 410 on day 15', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      await h().optIn(n);
      const id = await externalConversation(h(), alice, [n]);
      const pdf = await upload(h(), alice, 'Invoice 7781.pdf', PDF);
      const sentAt = h().clock.now().getTime();
      await alice.post(`/api/conversations/${id}/messages`, { body: '', attachmentIds: [pdf.body.id] });
      await dispatch(h());
      const [sms] = h().running.emulator!.stored({ phone: n });
      expect(sms!.media).toHaveLength(0);
      const link = new URL(/https?:\/\/\S+/.exec(sms!.body)![0]);
      const token = link.pathname.split('/').pop()!;
      expect(Buffer.from(token, 'base64url')).toHaveLength(24);

      h().clock.set(new Date(sentAt + 13 * DAY));
      const page = await download(h(), null, link.pathname);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('Invoice 7781.pdf');
      expect(page.text).toContain('PDF document');
      expect(page.text).toContain('>Download</a>');
      const hrefMatch = /href="([^"]+)"/.exec(page.text)!;
      const file = await download(h(), null, new URL(hrefMatch[1]!, `http://x${link.pathname}`).pathname);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(PDF)).toBe(true);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Invoice 7781.pdf"/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');

      // Sessions last hours, not days: sign in again.
      const later = await h().signIn('alice');
      const [message] = (await thread(later, id)).slice(-1);
      expect(message.attachments[0].link).toMatchObject({ expiresAt: new Date(Date.parse(message.createdAt) + 14 * DAY).toISOString(), expired: false });
      expect(message.attachments[0].link.opens.map((o: { kind: string }) => o.kind)).toEqual(['page', 'download']);

      h().clock.set(new Date(sentAt + 15 * DAY));
      const expired = await download(h(), null, link.pathname);
      expect(expired.status).toBe(410);
      expect(expired.text).toContain('This download link has expired');
      expect((await download(h(), null, `${link.pathname}/download`)).status).toBe(410);
      expect((await thread(await h().signIn('alice'), id)).at(-1).attachments[0].link).toMatchObject({ expired: true });
      // A forged token is refused.
      const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      expect((await download(h(), null, `/files/d/${forged}`)).status).toBe(404);
      expect((await download(h(), null, `/files/d/${forged}/download`)).status).toBe(404);
    });

    it('a held attachment gets its 14 days from when it is released, not from when it was written', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      const id = await externalConversation(h(), alice, [n]);
      const pdf = await upload(h(), alice, 'terms.pdf', PDF);
      const held = await alice.post(`/api/conversations/${id}/messages`, { body: '', attachmentIds: [pdf.body.id] });
      expect(held.body.error.code).toBe('OPT_IN_REQUIRED');
      h().clock.advance(3 * DAY);
      const later = await h().signIn('alice');
      const releasedFrom = h().clock.now().getTime();
      await later.post(`/api/conversations/${id}/opt-in`, { method: 'verbal', script: 'May we text you?' });
      const releasedBy = h().clock.now().getTime();
      const [message] = (await thread(later, id)).filter((m: { attachments: unknown[] }) => m.attachments.length);
      const expires = Date.parse(message.attachments[0].link.expiresAt);
      expect(expires).toBeGreaterThan(releasedFrom + 14 * DAY);
      expect(expires).toBeLessThan(releasedBy + 14 * DAY);
    });

    it('deleting an attachment message deletes its files and disables its link and media URL', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      await h().optIn(n);
      const id = await externalConversation(h(), alice, [n]);
      const pdf = await upload(h(), alice, 'quote.pdf', PDF);
      const png = await upload(h(), alice, 'quote.png', await photo(100, 100, 'png'));
      const posted = await alice.post(`/api/conversations/${id}/messages`, { body: '', attachmentIds: [pdf.body.id, png.body.id] });
      await dispatch(h());
      const [linkText, mms] = h().running.emulator!.stored({ phone: n });
      const link = new URL(/https?:\/\/\S+/.exec(linkText!.body)![0]).pathname;
      const media = new URL(mms!.mediaUrls[0]!).pathname;
      expect((await download(h(), null, link)).status).toBe(200);
      const files = await storedFiles(h());
      for (const m of posted.body.batch) expect((await alice.delete(`/api/conversations/${id}/messages/${m.id}`)).status).toBe(200);
      expect(await storedFiles(h())).toBe(files - 3); // the PDF, the picture and its thumbnail
      expect((await download(h(), null, link)).status).toBe(410);
      expect((await download(h(), null, media)).status).toBe(404);
      expect((await download(h(), alice, pdf.body.url)).status).toBe(404);
      const last = (await thread(alice, id)).slice(-2);
      expect(last.map((m: { attachments: unknown[]; deleted: unknown }) => [m.attachments, Boolean(m.deleted)])).toEqual([[[], true], [[], true]]);
    });

    it('removing an upload before Send deletes it; an unsent upload is swept after a day', async () => {
      const alice = await h().signIn('alice');
      const fileOf = async (id: number) => {
        const row = await h().running.services.db.selectFrom('attachments').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow();
        return row.storage_key!;
      };
      const stored = async (key: string) => (await h().running.services.files.get(key)) !== null;
      const a = await upload(h(), alice, 'draft.txt', Buffer.from('draft notes'));
      const aFile = await fileOf(a.body.id);
      expect(await stored(aFile)).toBe(true);
      expect((await alice.delete(`/api/attachments/${a.body.id}`)).status).toBe(204);
      expect(await stored(aFile)).toBe(false);
      const { sweepUnsentUploads } = await import('./commands/discard-upload.js');
      const b = await upload(h(), alice, 'forgotten.txt', Buffer.from('left behind'));
      const bFile = await fileOf(b.body.id);
      await sweepUnsentUploads(h().running.services);
      expect((await download(h(), alice, b.body.url)).status).toBe(200);
      h().clock.advance(DAY + 1000);
      expect(await sweepUnsentUploads(h().running.services)).toBeGreaterThanOrEqual(1);
      expect((await download(h(), await h().signIn('alice'), b.body.url)).status).toBe(404);
      expect(await stored(bFile)).toBe(false);
    });

    it('sweeps stored files nothing refers to once they are a day old, and never a file in use', async () => {
      const alice = await h().signIn('alice');
      const files = h().running.services.files;
      const conv = (await alice.post('/api/conversations', { subject: 'Sweep' })).body;
      const sent = await upload(h(), alice, 'kept.png', await photo(64, 64, 'png'));
      await alice.post(`/api/conversations/${conv.id}/messages`, { body: '', attachmentIds: [sent.body.id] });
      const waiting = await upload(h(), alice, 'waiting.pdf', PDF);
      const orphan = await files.put(Buffer.from('left behind by a crash'));
      const keysOf = async (id: number) => {
        const row = await h().running.services.db.selectFrom('attachments').select(['storage_key', 'thumbnail_key']).where('id', '=', id).executeTakeFirstOrThrow();
        return [row.storage_key, row.thumbnail_key].filter((k): k is string => k !== null);
      };
      const inUse = [...(await keysOf(sent.body.id)), ...(await keysOf(waiting.body.id))];
      expect(inUse).toHaveLength(3);
      const { sweepUnreferencedFiles } = await import('./commands/forget-files.js');
      // Young files are left alone: an upload writes its file a moment before its row.
      await sweepUnreferencedFiles(h().running.services);
      expect(await files.get(orphan.key)).not.toBeNull();
      // Two days on (past the files' own write times too), a page at a time.
      h().clock.set(new Date(Date.now() + 2 * DAY));
      expect(await sweepUnreferencedFiles(h().running.services, DAY, 1)).toBeGreaterThanOrEqual(1);
      expect(await files.get(orphan.key)).toBeNull();
      for (const key of inUse) expect(await files.get(key)).not.toBeNull();
    });

    it('fetches inbound MMS media with Basic auth after the webhook is answered, stores it and shows it', async () => {
      const alice = await h().signIn('root2', { role: 'admin' });
      const n = freshNumber();
      await h().optIn(n);
      const id = await externalConversation(h(), alice, [n]);
      const bytes = await photo(400, 300, 'jpeg', 80);
      await h().running.emulator!.sendFromPhone(n, { body: 'Here is the damage', media: [{ contentType: 'image/jpeg', data: bytes, filename: 'IMG_0042.jpg' }] });
      await createInboundProcessor(h().running.services).runOnce();
      const [pending] = (await thread(alice, id)).slice(-1);
      expect(pending).toMatchObject({ body: 'Here is the damage', direction: 'inbound' });
      expect(pending.attachments).toEqual([expect.objectContaining({ fetch: { status: 'pending', error: null }, isImage: false })]);
      expect(await createMediaFetcher(h().running.services).runOnce()).toBe(1);
      const [fetched] = (await thread(alice, id)).slice(-1);
      expect(fetched.attachments[0]).toMatchObject({ fetch: { status: 'fetched', error: null }, contentType: 'image/jpeg', isImage: true, width: 400, height: 300, size: bytes.length, texting: null });
      expect((await download(h(), alice, fetched.attachments[0].url)).bytes.equals(bytes)).toBe(true);
      expect((await download(h(), alice, fetched.attachments[0].thumbnailUrl)).status).toBe(200);
    });

    it('never sends the credentials off Twilio’s host, retries failures with backoff, then marks the media failed for a manual retry', async () => {
      const admin = await h().signIn('root3', { role: 'admin' });
      const elsewhere = await startTestServer();
      try {
        elsewhere.on('/cat.jpg', () => ({ headers: { 'content-type': 'image/jpeg' }, body: Buffer.from('x') }));
        const n = freshNumber();
        await h().optIn(n);
        const id = await externalConversation(h(), admin, [n]);
        const texting = (await resolveTexting(h().running.services))!;
        await receiveText(h(), n, 'two pictures', {
          NumMedia: '2',
          MediaUrl0: `${elsewhere.url}/cat.jpg`,
          MediaContentType0: 'image/jpeg',
          // On Twilio's host, but not there (yet): worth retrying.
          MediaUrl1: `${texting.apiBaseUrl}/2010-04-01/Accounts/${texting.accountSid}/Messages/MM${'0'.repeat(32)}/Media/ME${'0'.repeat(32)}`,
          MediaContentType1: 'image/png',
        });
        const fetcher = createMediaFetcher(h().running.services, 'test-fetcher', () => 0);
        await fetcher.runOnce();
        expect(elsewhere.requests).toHaveLength(0);
        let [message] = (await thread(admin, id)).slice(-1);
        expect(message.attachments[0].fetch).toEqual({ status: 'failed', error: expect.stringMatching(/not on Twilio's media host/) });
        expect(message.attachments[1].fetch).toEqual({ status: 'pending', error: expect.stringMatching(/HTTP 404/) });
        for (let i = 1; i < MAX_FETCH_ATTEMPTS; i++) {
          h().clock.advance(10 * 60_000);
          await fetcher.runOnce();
        }
        [message] = (await thread(admin, id)).slice(-1);
        expect(message.attachments[1].fetch).toEqual({ status: 'failed', error: expect.stringMatching(/HTTP 4\d\d/) });
        const retried = await admin.post(`/api/attachments/${message.attachments[1].id}/retry`);
        expect(retried.status).toBe(200);
        expect(retried.body.fetch).toEqual({ status: 'pending', error: null });
        expect((await admin.post(`/api/attachments/${message.attachments[1].id}/retry`)).status).toBe(409);
      } finally {
        await elsewhere.close();
      }
    });
  },
  { listen: true, env: { UPLOAD_MAX_MB: '1' } },
);
