import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TEXTING_DISABLED_MESSAGE, UNSUBSCRIBED_MESSAGE } from '../core/send-policy.js';
import { DEMO_PASSWORD } from '../server/seed/demo.js';
import { describeInBrowser } from './support/browser.js';
import { signedInPage } from './support/pages.js';
import { openPhone, phoneReceives, textFromPhone } from './support/phone.js';
import { useTextingApp } from './support/texting-app.js';

/** Starts an internal conversation from the Conversations window, optionally tagging a record. */
async function newConversation(page: Page, subject: string, tag?: string) {
  await page.getByRole('link', { name: 'Conversations' }).first().click();
  await page.getByRole('button', { name: 'New Conversation' }).click();
  await page.getByLabel('Subject').fill(subject);
  if (tag) {
    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    await page.getByLabel('Search users, groups, customers, vendors, transactions').fill(tag);
    await page.getByRole('button', { name: new RegExp(tag) }).first().click();
  }
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
}

async function send(page: Page, body: string) {
  await page.getByLabel('Message', { exact: true }).fill(body);
  await page.getByRole('button', { name: /^Send/ }).click();
}

describeInBrowser('external conversations in the browser', () => {
  const app = useTextingApp();

  it('adds a number by suggestion, shows the indicators only once external, and verbal opt-in sends the confirmation then the held message', async () => {
    const { page, context } = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const phone = await openPhone(app.browser(), app.server().url, '+12015550123');
    await newConversation(page, 'Hinge order for Ada', 'Ada Lovelace');
    // Internal: none of the external indicators.
    await expect(page.getByTestId('external-indicator').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Add Phone Number' }).click();
    await page.getByTestId('phone-suggestion').filter({ hasText: '(201) 555-0123' }).click();
    await page.getByTestId('external-indicator').filter({ hasText: 'External Conversation' }).waitFor();
    await expect(page.getByRole('list', { name: 'External phones' }).textContent()).resolves.toContain('(201) 555-0123');
    await page.getByRole('button', { name: 'Send External' }).waitFor();
    await page.getByLabel('Message', { exact: true }).fill('Your hinges are ready for pickup.');
    await expect(page.getByTestId('segment-counter').textContent()).resolves.toMatch(/1 segment.*GSM-7/);

    await page.getByRole('button', { name: 'Send External' }).click();
    const dialog = page.getByRole('dialog', { name: 'Opt-In Required' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Opt-In Agreement').inputValue()).resolves.toMatch(/rates may apply/i);
    await page.getByTestId('held-message').waitFor();
    await dialog.getByRole('button', { name: 'Opt-In and Send Confirmation' }).click();

    await phoneReceives(phone, /subscribed/);
    await phoneReceives(phone, 'Your hinges are ready for pickup.');
    const bodies = await phone.getByTestId('phone-message').allTextContents();
    const confirmationAt = bodies.findIndex((b) => /subscribed/.test(b));
    expect(confirmationAt).toBeGreaterThanOrEqual(0);
    expect(bodies.findIndex((b) => b.includes('Your hinges are ready'))).toBeGreaterThan(confirmationAt);
    // The contact card button turns green once the number has opted in.
    await page.locator('[data-testid="contact-card-button"][data-consent="opted_in"]').first().waitFor();
    await expect(page.locator('[data-testid="contact-card-button"].opted-in').count()).resolves.toBeGreaterThan(0);
    await context.close();
    await phone.context().close();
  });

  it('adds a number by typing, asks by text, the phone replies "start" and the held message arrives; after STOP the next send shows the exact error', async () => {
    const number = '+12015550144';
    const { page, context } = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const phone = await openPhone(app.browser(), app.server().url, number);
    await newConversation(page, 'Quote by text');
    await page.getByRole('button', { name: 'Add Phone Number' }).click();
    await page.getByLabel('Phone number').fill('(201) 555-0144');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('external-indicator').waitFor();

    await send(page, 'Your quote QT-10001 is ready.');
    const dialog = page.getByRole('dialog', { name: 'Opt-In Required' });
    await dialog.getByText('Text', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Send Opt-In Request' }).click();
    await phoneReceives(phone, /START/);
    await textFromPhone(phone, number, 'start');
    await phoneReceives(phone, /subscribed/);
    await phoneReceives(phone, 'Your quote QT-10001 is ready.');

    await textFromPhone(phone, number, 'STOP');
    await page.getByTestId('message').filter({ hasText: /^.*STOP.*$/ }).first().waitFor();
    await send(page, 'Are you still there?');
    await page.getByRole('alert').filter({ hasText: UNSUBSCRIBED_MESSAGE }).waitFor();
    await context.close();
    await phone.context().close();
  });

  it('Disable Texting This Number on the Contact Card refuses the next send with the exact error', async () => {
    const number = '+12015550145';
    const { page, context } = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    await app.server().emulator!.sendFromPhone(number, { body: 'this is the shop landline' });
    const item = page.getByTestId('conversation-item').filter({ hasText: 'Text from (201) 555-0145' });
    await item.click();
    await page.getByRole('button', { name: 'Contact card for (201) 555-0145' }).first().click();
    const card = page.getByRole('dialog', { name: 'Contact Card' });
    await card.getByLabel('Disable Texting This Number').check();
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByRole('button', { name: /Close|Cancel/ }).first().click();
    await send(page, 'Testing a disabled number');
    await page.getByRole('alert').filter({ hasText: TEXTING_DISABLED_MESSAGE }).waitFor();
    await context.close();
  });

  it('starting a text from Customer Details with a number that has a thread goes to that thread', async () => {
    const { page, context } = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Customers' }).first().click();
    await page.getByRole('link', { name: 'Ada Lovelace' }).first().click();
    // Contact card buttons sit on the Phone/Cell Phone rows only.
    const rows = page.getByTestId('contact-method-row');
    await rows.nth(1).waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2); // Ada has a Cell Phone and an Email row
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const type = await row.locator('select').first().inputValue();
      const buttons = await row.getByTestId('contact-card-button').count();
      expect(buttons, `row ${i} (${type})`).toBe(type === 'Phone' || type === 'Cell Phone' ? 1 : 0);
    }
    await page.getByRole('button', { name: 'Add Phone Number' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Phone Number' });
    await dialog.getByRole('button', { name: /\(201\) 555-0123/ }).click();
    await page.getByRole('heading', { name: 'Hinge order for Ada' }).waitFor();
    await context.close();
  });
});
