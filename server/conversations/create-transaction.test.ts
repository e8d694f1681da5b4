import jsQRImport from 'jsqr';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { formatPhone } from '../../core/phone-numbers.js';
import type { ApiClient, Harness } from '../test/harness.js';
import { describeEachDatabase } from '../test/harness.js';
import { download } from '../test/attachment-files.js';
import { freshNumber, receiveText } from '../test/twilio-signing.js';
import { createDispatcher } from '../texting/outbox/dispatcher.js';

const jsQR = ((jsQRImport as unknown as { default?: typeof jsQRImport }).default ?? jsQRImport) as unknown as (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;

const thread = async (c: ApiClient, id: number) => (await c.get(`/api/conversations/${id}/messages?limit=200`)).body.items;

/** A phone's inbound text in its own conversation: the conversation id and the message. */
async function textFrom(h: Harness, c: ApiClient, number: string, body: string) {
  await receiveText(h, number, body);
  const list = (await c.get('/api/conversations?status=all&limit=100')).body.items as { id: number; phoneNumbers: { number: string }[] }[];
  const conv = list.find((x) => x.phoneNumbers.some((p) => p.number === number))!;
  const message = (await thread(c, conv.id)).find((m: { body: string }) => m.body === body);
  return { conversationId: conv.id, message };
}

const shape = (o: { connection: string; groups: { label: string; types: { type: string }[]; parties: { name: string }[] }[] }) => ({
  connection: o.connection,
  groups: o.groups.map((g) => [g.label, g.types.map((t) => t.type), g.parties.map((p) => p.name)]),
});

describeEachDatabase('Create Transaction, transaction codes and custom links', (h) => {
  it('offers types by what the number is connected to: neither, a customer, a vendor, or both', async () => {
    const admin = await h().signIn('admin', { role: 'admin' });
    const [none, cust, vend, both] = [freshNumber(), freshNumber(), freshNumber(), freshNumber()];
    await admin.post('/api/customers', { name: 'Cora Customer', contactMethods: [{ type: 'Cell Phone', value: formatPhone(cust) }] });
    await admin.post('/api/vendors', { name: 'Vic Vendor', contactMethods: [{ type: 'Phone', value: formatPhone(vend) }] });
    await admin.post('/api/customers', { name: 'Both Co (customer)', contacts: [{ name: 'Bo', phone: formatPhone(both) }] });
    await admin.post('/api/vendors', { name: 'Both Co (vendor)', contactMethods: [{ type: 'Cell Phone', value: formatPhone(both) }] });
    const options = async (n: string) => {
      const { conversationId, message } = await textFrom(h(), admin, n, `hello from ${n}`);
      return shape((await admin.get(`/api/conversations/${conversationId}/messages/${message.id}/transaction-options`)).body);
    };
    const ar = ['quote', 'sales_order', 'invoice'];
    const ap = ['purchase_order', 'vendor_bill'];
    expect(await options(none)).toEqual({ connection: 'none', groups: [['Customer (A/R)', ar, []], ['Vendor (A/P)', ap, []]] });
    expect(await options(cust)).toEqual({ connection: 'customer', groups: [['Customer (A/R)', ar, ['Cora Customer']]] });
    expect(await options(vend)).toEqual({ connection: 'vendor', groups: [['Vendor (A/P)', ap, ['Vic Vendor']]] });
    expect(await options(both)).toEqual({ connection: 'both', groups: [['Customer (A/R)', ar, ['Both Co (customer)']], ['Vendor (A/P)', ap, ['Both Co (vendor)']]] });
  });

  it('creates an A/R transaction from a customer’s text, tags it, associates the message, and refuses a second time', async () => {
    const admin = await h().signIn('admin', { role: 'admin' });
    const n = freshNumber();
    const customer = (await admin.post('/api/customers', { name: 'Grace Orders', contactMethods: [{ type: 'Cell Phone', value: formatPhone(n) }] })).body;
    const { conversationId, message } = await textFrom(h(), admin, n, 'Please send 40 gallons of varnish');
    expect(message.transaction).toBeNull();
    const res = await admin.post(`/api/conversations/${conversationId}/messages/${message.id}/transaction`, { type: 'sales_order', customerId: customer.id });
    expect(res.status).toBe(201);
    expect(res.body.transaction).toMatchObject({ type: 'sales_order', transactionId: expect.stringMatching(/^SO-\d+$/), memo: 'Please send 40 gallons of varnish', party: { kind: 'customer', id: customer.id } });
    expect(res.body.message.transaction).toEqual({ id: res.body.transaction.id, transactionId: res.body.transaction.transactionId, type: 'sales_order' });
    const conv = (await admin.get(`/api/conversations/${conversationId}`)).body;
    expect(conv.tags).toContainEqual(expect.objectContaining({ kind: 'transaction', id: res.body.transaction.id }));
    expect((await thread(admin, conversationId)).find((m: { id: number }) => m.id === message.id).transaction.transactionId).toBe(res.body.transaction.transactionId);
    const again = await admin.post(`/api/conversations/${conversationId}/messages/${message.id}/transaction`, { type: 'invoice', customerId: customer.id });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`This message is already associated with ${res.body.transaction.transactionId}.`);
    // The refused attempt left no transaction behind.
    const invoices = (await admin.get('/api/transactions?type=invoice&limit=100')).body.items.filter((t: { memo: string }) => t.memo === 'Please send 40 gallons of varnish');
    expect(invoices).toEqual([]);
  });

  it('two users creating from the same message at once: one transaction, one refusal', async () => {
    const admin = await h().signIn('admin', { role: 'admin' });
    const other = await h().signIn('admin2', { role: 'admin' });
    const n = freshNumber();
    const vendor = (await admin.post('/api/vendors', { name: 'Race Vendor', contactMethods: [{ type: 'Cell Phone', value: formatPhone(n) }] })).body;
    const { conversationId, message } = await textFrom(h(), admin, n, 'Quote me 10 pallets');
    const url = `/api/conversations/${conversationId}/messages/${message.id}/transaction`;
    const results = await Promise.all([admin.post(url, { type: 'purchase_order', vendorId: vendor.id }), other.post(url, { type: 'vendor_bill', vendorId: vendor.id })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const made = (await admin.get('/api/transactions?limit=100')).body.items.filter((t: { memo: string }) => t.memo === 'Quote me 10 pallets');
    expect(made).toHaveLength(1);
  });

  it('creates a new vendor from an unknown number, which then counts as connected', async () => {
    const admin = await h().signIn('admin', { role: 'admin' });
    const n = freshNumber();
    const { conversationId, message } = await textFrom(h(), admin, n, 'We can ship the screws Monday');
    const missing = await admin.post(`/api/conversations/${conversationId}/messages/${message.id}/transaction`, { type: 'purchase_order' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('Choose the vendor for this Purchase Order.');
    const res = await admin.post(`/api/conversations/${conversationId}/messages/${message.id}/transaction`, { type: 'purchase_order', newParty: { name: 'Screw Supply' } });
    expect(res.status).toBe(201);
    expect(res.body.transaction.party).toMatchObject({ kind: 'vendor', name: 'Screw Supply' });
    const next = await textFrom(h(), admin, n, 'And the bolts too');
    const options = (await admin.get(`/api/conversations/${next.conversationId}/messages/${next.message.id}/transaction-options`)).body;
    expect(shape(options)).toEqual({ connection: 'vendor', groups: [['Vendor (A/P)', ['purchase_order', 'vendor_bill'], ['Screw Supply']]] });
  });

  it('works for internal messages too: every type, the party chosen', async () => {
    const alice = await h().signIn('alice');
    const customer = (await alice.post('/api/customers', { name: 'Internal Co' })).body;
    const conv = (await alice.post('/api/conversations', { subject: 'Walk-in', body: 'Walk-in wants a quote for 12 chairs' })).body;
    const [m] = await thread(alice, conv.id);
    const options = (await alice.get(`/api/conversations/${conv.id}/messages/${m.id}/transaction-options`)).body;
    expect(options.connection).toBe('none');
    expect(options.groups.flatMap((g: { types: unknown[] }) => g.types)).toHaveLength(5);
    const res = await alice.post(`/api/conversations/${conv.id}/messages/${m.id}/transaction`, { type: 'quote', customerId: customer.id });
    expect(res.body.transaction).toMatchObject({ type: 'quote', memo: 'Walk-in wants a quote for 12 chairs' });
  });

  it('attaches the Transaction ID as a QR code or barcode per the preference, the same bytes every click, texted as MMS', async () => {
    const admin = await h().signIn('admin', { role: 'admin' });
    const n = freshNumber();
    await h().optIn(n);
    const customer = (await admin.post('/api/customers', { name: 'QR Customer', contactMethods: [{ type: 'Cell Phone', value: formatPhone(n) }] })).body;
    const order = (await admin.post('/api/transactions', { type: 'sales_order', customerId: customer.id })).body;
    const qr1 = await admin.post(`/api/transactions/${order.id}/code`);
    const qr2 = await admin.post(`/api/transactions/${order.id}/code`);
    expect(qr1.status).toBe(201);
    expect(qr1.body).toMatchObject({ fileName: `${order.transactionId}-qr.png`, contentType: 'image/png', isImage: true, texting: { as: 'mms', note: null } });
    expect(qr2.body.id).not.toBe(qr1.body.id);
    const [a, b] = [await download(h(), admin, qr1.body.url), await download(h(), admin, qr2.body.url)];
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const { data, info } = await sharp(a.bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data).toBe(order.transactionId);

    await admin.put('/api/preferences', { transactionCode: 'barcode' });
    expect((await admin.get('/api/company')).body.transactionCode).toBe('barcode');
    const bar = await admin.post(`/api/transactions/${order.id}/code`);
    expect(bar.body.fileName).toBe(`${order.transactionId}-barcode.png`);
    const barBytes = (await download(h(), admin, bar.body.url)).bytes;
    expect(barBytes.equals(a.bytes)).toBe(false);
    const meta = await sharp(barBytes).metadata();
    expect(meta.width!).toBeGreaterThan(meta.height!);

    const conv = (await admin.post('/api/conversations', { subject: 'Your order', tags: [{ kind: 'transaction', id: order.id }], phoneNumbers: [n] })).body;
    await admin.post(`/api/conversations/${conv.id}/messages`, { body: 'Show this at the counter', attachmentIds: [qr1.body.id] });
    await createDispatcher(h().running.services, { batch: 50, concurrency: 4, ratePerSecond: 0 }).runOnce();
    await h().running.emulator!.idle();
    const [, picture] = h().running.emulator!.stored({ phone: n });
    expect(picture!.media[0]!.contentType).toBe('image/png');
    expect(picture!.media[0]!.bytes.equals(a.bytes)).toBe(true);
    await admin.put('/api/preferences', { transactionCode: 'qr' });
  });

  it('fills custom links from the conversation, disables those it cannot fill, and refuses bad templates', async () => {
    const admin = await h().signIn('admin', { role: 'admin' });
    const bad = await admin.put('/api/preferences', { linkTemplates: [{ name: 'Track', url: 'https://t.example.com/{orderNo}' }, { name: 'Pay', url: 'ftp://x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['body.linkTemplates.0.url', 'body.linkTemplates.1.url']);
    const ok = await admin.put('/api/preferences', {
      linkTemplates: [
        { name: 'Track order', url: 'https://track.example.com/{transactionId}' },
        { name: 'Pay online', url: 'https://pay.example.com/c/{customerId}?order={transactionId}' },
        { name: 'Vendor portal', url: 'https://vendors.example.com/{vendorId}' },
      ],
    });
    expect(ok.status).toBe(200);
    const customer = (await admin.post('/api/customers', { name: 'Link Customer' })).body;
    const order = (await admin.post('/api/transactions', { type: 'sales_order', customerId: customer.id })).body;
    const conv = (await admin.post('/api/conversations', { subject: 'Links', tags: [{ kind: 'transaction', id: order.id }] })).body;
    const links = (await admin.get(`/api/conversations/${conv.id}/link-templates`)).body.items;
    expect(links).toEqual([
      { name: 'Track order', template: 'https://track.example.com/{transactionId}', url: `https://track.example.com/${order.transactionId}`, disabledReason: null },
      { name: 'Pay online', template: 'https://pay.example.com/c/{customerId}?order={transactionId}', url: `https://pay.example.com/c/${customer.id}?order=${order.transactionId}`, disabledReason: null },
      { name: 'Vendor portal', template: 'https://vendors.example.com/{vendorId}', url: null, disabledReason: 'This conversation is not linked to a vendor.' },
    ]);
    const second = (await admin.post('/api/transactions', { type: 'quote', customerId: customer.id })).body;
    await admin.post(`/api/conversations/${conv.id}/tags`, { kind: 'transaction', id: second.id });
    const [track] = (await admin.get(`/api/conversations/${conv.id}/link-templates`)).body.items;
    expect(track.url).toBeNull();
    expect(track.disabledReason).toMatch(/^This conversation is linked to several transactions \(.+, .+\)\.$/);
    await admin.put('/api/preferences', { linkTemplates: [] });
  });
}, { listen: true });
