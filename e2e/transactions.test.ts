import jsQRImport from 'jsqr';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/seed/demo.js';
import { describeInBrowser } from './support/browser.js';
import { signedInPage } from './support/pages.js';
import { openPhone, phoneReceives, textFromPhone } from './support/phone.js';
import { useTextingApp } from './support/texting-app.js';

const jsQR = ((jsQRImport as unknown as { default?: typeof jsQRImport }).default ?? jsQRImport) as unknown as (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;

describeInBrowser('transactions in conversations', () => {
  const app = useTextingApp();

  it('from an inbound vendor text, Create Transaction offers only A/P types, creates a Purchase Order and tags it', async () => {
    const number = '+19735550190'; // Blue Ridge Lumber's yard manager (demo data)
    const admin = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const phone = await openPhone(app.browser(), app.server().url, number);
    await textFromPhone(phone, number, 'Can we get 200 more cedar boards next week?');
    const item = admin.page.getByTestId('conversation-item').filter({ hasText: 'Text from' }).filter({ hasText: 'cedar boards' });
    await item.waitFor();
    await item.click();
    const message = admin.page.getByTestId('message').filter({ hasText: 'Can we get 200 more cedar boards next week?' });
    await message.getByRole('button', { name: 'Create Transaction' }).click();
    const menu = admin.page.getByRole('menu', { name: 'Create Transaction' });
    await menu.waitFor();
    await expect(menu.getByRole('group').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')))).resolves.toEqual(['Vendor (A/P)']);
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual(['Purchase Order', 'Vendor Bill']);
    await menu.getByRole('menuitem', { name: 'Purchase Order' }).click();
    const chip = message.getByTestId('message-transaction');
    await chip.waitFor();
    const id = (await chip.textContent())!.trim();
    expect(id).toMatch(/^PO-\d+$/);
    await expect(message.getByRole('button', { name: 'Create Transaction' }).count()).resolves.toBe(0);
    await admin.page.getByTestId('tag-chip').filter({ hasText: id }).waitFor();
    // The chip opens the new order, whose memo is the message.
    await chip.click();
    await expect.poll(() => admin.page.getByLabel('Memo').inputValue(), { timeout: 20_000 }).toBe('Can we get 200 more cedar boards next week?');
    await admin.context.close();
    await phone.context().close();
  });

  it('from a Sales Order, the side panel texts the customer its QR code, which the phone receives and which scans as the order', async () => {
    const number = '+12015550140'; // Marigold Bakery (demo data), customer of a Sales Order
    const admin = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const phone = await openPhone(app.browser(), app.server().url, number);
    // The bakery texted before, so it may be texted.
    await textFromPhone(phone, number, 'Morning! Any news on the shelving?');
    await admin.page.getByTestId('conversation-item').filter({ hasText: 'shelving' }).waitFor();

    await admin.page.getByRole('link', { name: 'Transactions' }).click();
    await admin.page.getByRole('row').filter({ hasText: 'Marigold Bakery' }).filter({ hasText: 'Sales Order' }).getByRole('link').first().click();
    const orderId = (await admin.page.getByTestId('transaction-id').first().textContent())!.trim();
    const panel = admin.page.getByRole('complementary', { name: 'Conversation Side Panel' });
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Text Customer' }).click();
    await admin.page.getByTestId('phone-suggestion').filter({ hasText: /201\D*555\D*0140/ }).click();
    const codeButton = panel.getByRole('button', { name: `Attach QR code of ${orderId}` });
    await codeButton.waitFor();
    await codeButton.click();
    await panel.getByRole('list', { name: 'Attachments' }).getByRole('listitem').filter({ hasText: `${orderId}-qr.png` }).getByText('Sent as a picture').waitFor();
    // The conversation started there is tagged with the order (and the customer).
    await panel.getByTestId('tag-chip').filter({ hasText: orderId }).waitFor();
    await panel.getByTestId('tag-chip').filter({ hasText: 'Marigold Bakery' }).waitFor();
    await panel.getByLabel('Message').fill('Show this code at pickup.');
    const send = panel.getByRole('button', { name: 'Send External' });
    await expect.poll(() => send.isEnabled(), { timeout: 20_000 }).toBe(true);
    await send.click();

    await phoneReceives(phone, 'Show this code at pickup.');
    await phone.locator(`[data-phone="${number}"]`).getByTestId('phone-message').locator('img').first().waitFor();
    const mms = app.server().emulator!.stored({ phone: number }).find((m) => m.media.length > 0)!;
    const { data, info } = await sharp(mms.media[0]!.bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data).toBe(orderId);
    await admin.context.close();
    await phone.context().close();
  });

  it('Insert Link fills a company link from the order, disables one it cannot fill, and the segment counter counts it; the code button follows the Barcode preference', async () => {
    const admin = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const page = admin.page;
    await page.getByRole('link', { name: 'Preferences' }).click();
    await page.getByRole('button', { name: 'Add Link' }).click();
    await page.getByTestId('link-template-row').last().getByLabel('Link name').fill('Track order');
    await page.getByTestId('link-template-row').last().getByLabel('Link URL').fill('https://track.example.com/{transactionId}');
    await page.getByRole('button', { name: 'Add Link' }).click();
    await page.getByTestId('link-template-row').last().getByLabel('Link name').fill('Vendor portal');
    await page.getByTestId('link-template-row').last().getByLabel('Link URL').fill('https://vendors.example.com/{vendorId}');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();

    await page.getByRole('link', { name: 'Transactions' }).click();
    await page.getByRole('row').filter({ hasText: 'Grace Hopper' }).filter({ hasText: 'Sales Order' }).getByRole('link').first().click();
    const orderId = (await page.getByTestId('transaction-id').first().textContent())!.trim();
    const panel = page.getByRole('complementary', { name: 'Conversation Side Panel' });
    await panel.getByRole('button', { name: 'Text Customer' }).click();
    await page.getByTestId('phone-suggestion').filter({ hasText: /201\D*555\D*0131/ }).click();
    const box = panel.getByLabel('Message');
    await box.waitFor();
    await box.fill('Track it here:');
    const counter = panel.getByText(/\d+ characters/);
    await expect(counter.textContent()).resolves.toMatch(/14 characters/);
    await panel.getByRole('button', { name: 'Insert Link' }).click();
    const vendorItem = page.getByRole('menuitem', { name: /Vendor portal/ });
    await expect(vendorItem.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(vendorItem.textContent()).resolves.toContain('This conversation is not linked to a vendor.');
    await page.getByRole('menuitem', { name: /Track order/ }).click();
    const url = `https://track.example.com/${orderId}`;
    await expect.poll(() => box.inputValue()).toBe(`Track it here: ${url}`);
    await expect(counter.textContent()).resolves.toMatch(new RegExp(`${'Track it here: '.length + url.length} characters`));

    // With the preference switched to Barcode the side panel's button shows and attaches a barcode.
    await expect(panel.getByTestId('transaction-code-button').getAttribute('data-kind')).resolves.toBe('qr');
    await page.getByRole('link', { name: 'Preferences' }).click();
    await page.getByRole('radio', { name: 'Barcode' }).check();
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    await page.goBack();
    const barcode = panel.getByRole('button', { name: `Attach barcode of ${orderId}` });
    await barcode.waitFor();
    await expect(barcode.getAttribute('data-kind')).resolves.toBe('barcode');
    await barcode.click();
    await panel.getByRole('list', { name: 'Attachments' }).getByRole('listitem').filter({ hasText: `${orderId}-barcode.png` }).waitFor();
    await admin.context.close();
  });
});
