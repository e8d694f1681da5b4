import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/seed/demo.js';
import { describeInBrowser } from './support/browser.js';
import { signedInPage } from './support/pages.js';
import { openPhone, phoneReceives, textFromPhone } from './support/phone.js';
import { useTextingApp } from './support/texting-app.js';

const MISSING =
  'Orphan conversation settings are missing: texts from unknown numbers are shown to administrators until both are set.';
const DELETE_WARNING =
  "Deleting this message removes it from Switchboard. It does not remove it from the recipient's phone.";

describeInBrowser('orphan conversations in the browser', () => {
  const app = useTextingApp();

  it('settings, then a text from a new number reaches the group live; a member claims it, saves the number, replies, and deletes the reply', async () => {
    const number = '+12015550177';
    // The admin sets the orphan settings; the warning shows until both are set.
    const admin = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    await admin.page.goto(`${app.server().url}/preferences/add-ons/conversations`);
    await admin.page.getByRole('heading', { name: 'Conversations', exact: true }).waitFor();
    await admin.page.getByTestId('orphan-settings-warning').filter({ hasText: MISSING }).waitFor();
    await admin.page.getByLabel('Orphan Conversation User Group').selectOption({ label: 'Customer Service' });
    await admin.page.getByLabel('Orphan Conversation Type').selectOption({ label: 'General' });
    await admin.page.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.page.getByText('Saved.').waitFor();
    await admin.page.getByTestId('orphan-settings-warning').waitFor({ state: 'detached' });

    // Maria (Customer Service) waits in the Conversations window.
    const { page, context } = await signedInPage(app.browser(), app.server().url, 'maria', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Conversations' }).first().click();
    await page.getByTestId('conversation-item').first().waitFor();

    const phone = await openPhone(app.browser(), app.server().url, number);
    await textFromPhone(phone, number, 'Hi, is my order ready?');

    // It appears live for the group's member.
    const item = page.getByTestId('conversation-item').filter({ hasText: '(201) 555-0177' });
    await item.waitFor();
    await item.click();
    await page.getByTestId('message').filter({ hasText: 'Hi, is my order ready?' }).waitFor();
    await page.getByTestId('tag-chip').filter({ hasText: 'Customer Service' }).waitFor();
    await expect(page.locator('.conv-type').textContent()).resolves.toBe('General');

    // The group's name opens who is tagged, with "Tag Users" listing the group's members.
    await page.getByTestId('tag-chip').filter({ hasText: 'Customer Service' }).getByRole('button', { name: 'Customer Service', exact: true }).click();
    await page.getByRole('dialog', { name: 'Tagged in this conversation' }).getByRole('button', { name: 'Tag Users' }).click();
    const tagUsers = page.getByRole('dialog', { name: 'Tag Users' });
    await tagUsers.getByRole('radio', { name: 'Sam Rivera' }).waitFor();
    await tagUsers.getByRole('radio', { name: 'Maria Lopez' }).waitFor();
    await expect(tagUsers.getByRole('radio', { name: 'Paul Chen' }).count()).resolves.toBe(0);
    await tagUsers.getByRole('button', { name: 'Cancel' }).click();

    // Claim: the group's tag becomes Maria's.
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'Claimed by Maria Lopez.' }).waitFor();
    await page.getByRole('button', { name: 'Claim', exact: true }).waitFor({ state: 'detached' });
    await page.getByTestId('tag-chip').filter({ hasText: 'Maria Lopez' }).waitFor();
    await expect(page.getByTestId('tag-chip').filter({ hasText: 'Customer Service' }).count()).resolves.toBe(0);

    // Save the number from the prompt.
    const prompt = page.getByTestId('save-number-prompt');
    await prompt.getByRole('button', { name: 'Save this number as a contact' }).click();
    const card = page.getByRole('dialog', { name: 'Contact Card' });
    await card.getByLabel('Name', { exact: true }).fill('Grace Hopper');
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await card.getByText('Saved.').waitFor();
    await card.getByRole('button', { name: 'Close' }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'External phones' }).filter({ hasText: 'Grace Hopper' }).waitFor();

    // Reply (opting the number in first when the server asks for it); the phone gets the reply.
    await page.getByLabel('Message', { exact: true }).fill('Yes, your order is ready for pickup.');
    await page.getByRole('button', { name: 'Send External' }).click();
    const optIn = page.getByRole('dialog', { name: 'Opt-In Required' });
    const sent = page.getByTestId('message').filter({ hasText: 'Yes, your order is ready for pickup.' }).getByTestId('delivery-status');
    await optIn.or(sent).first().waitFor();
    if (await optIn.isVisible()) await optIn.getByRole('button', { name: 'Opt-In and Send Confirmation' }).click();
    await phoneReceives(phone, 'Yes, your order is ready for pickup.');

    // The admin watches the same conversation, to see the deletion live.
    await admin.page.goto(page.url());
    const adminReply = admin.page.getByTestId('message').filter({ hasText: 'Yes, your order is ready for pickup.' });
    await adminReply.waitFor();

    // Delete the reply: the confirmation says the phone keeps it, then the placeholder shows.
    const reply = page.getByTestId('message').filter({ hasText: 'Yes, your order is ready for pickup.' });
    await reply.getByRole('button', { name: 'Delete message' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Message' });
    await confirm.getByText(DELETE_WARNING).waitFor();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    const placeholder = page.getByTestId('deleted-message');
    await placeholder.waitFor();
    await expect(placeholder.textContent()).resolves.toMatch(/^Message deleted by Maria Lopez at /);
    await expect(page.getByTestId('message').filter({ hasText: 'Yes, your order is ready for pickup.' }).count()).resolves.toBe(0);
    // Live for the admin through message.updated.
    await admin.page.getByTestId('deleted-message').filter({ hasText: 'Message deleted by Maria Lopez at' }).waitFor();
    // The phone keeps its copy.
    await phoneReceives(phone, 'Yes, your order is ready for pickup.');
    // Maria may not delete the customer's text (not hers, not an admin).
    await expect(
      page.getByTestId('message').filter({ hasText: 'Hi, is my order ready?' }).getByRole('button', { name: 'Delete message' }).count(),
    ).resolves.toBe(0);

    await context.close();
    await admin.context.close();
    await phone.context().close();
  });

  it('assigns an orphan from the group chip: Tag Users lists the group, Accept swaps the group for the user', async () => {
    // The orphan settings were saved by the journey above (same server).
    const number = '+12015550178';
    const sam = await signedInPage(app.browser(), app.server().url, 'sam', DEMO_PASSWORD);
    await sam.page.getByRole('link', { name: 'Conversations' }).first().click();
    await sam.page.getByTestId('conversation-item').first().waitFor();
    await app.server().emulator!.sendFromPhone(number, { body: 'Do you have hinges in stock?' });
    await sam.page.getByTestId('conversation-item').filter({ hasText: '(201) 555-0178' }).click();
    await sam.page.getByTestId('message').filter({ hasText: 'Do you have hinges in stock?' }).waitFor();
    const url = sam.page.url();

    await sam.page.getByTestId('tag-chip').getByRole('button', { name: 'Customer Service', exact: true }).click();
    const popup = sam.page.getByRole('dialog', { name: 'Tagged in this conversation' });
    await expect(popup.textContent()).resolves.toContain('Customer Service');
    await popup.getByRole('button', { name: 'Tag Users' }).click();
    const dialog = sam.page.getByRole('dialog', { name: 'Tag Users' });
    await dialog.getByRole('radio', { name: 'Maria Lopez' }).check();
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Maria now has it, the group is no longer tagged, and the thread says who did it.
    const maria = await signedInPage(app.browser(), app.server().url, 'maria', DEMO_PASSWORD);
    await maria.page.goto(url);
    await maria.page.getByTestId('message').filter({ hasText: 'Assigned to Maria Lopez by Sam Rivera.' }).waitFor();
    await maria.page.getByTestId('tag-chip').filter({ hasText: 'Maria Lopez' }).waitFor();
    await expect(maria.page.getByTestId('tag-chip').filter({ hasText: 'Customer Service' }).count()).resolves.toBe(0);
    await expect(maria.page.getByRole('button', { name: 'Claim', exact: true }).count()).resolves.toBe(0);
    await sam.context.close();
    await maria.context.close();
  });

  it('a Claim that lost the race shows the server\'s words', async () => {
    const number = '+12015550179';
    await app.server().emulator!.sendFromPhone(number, { body: 'Anyone there?' });
    const maria = await signedInPage(app.browser(), app.server().url, 'maria', DEMO_PASSWORD);
    // Maria's screen misses the live update (no event stream), so her Claim button is still there.
    await maria.context.route('**/api/events', (r) => r.abort());
    await maria.page.reload();
    await maria.page.getByRole('link', { name: 'Conversations' }).first().click();
    await maria.page.getByTestId('conversation-item').filter({ hasText: '(201) 555-0179' }).click();
    await maria.page.getByRole('button', { name: 'Claim', exact: true }).waitFor();

    const sam = await signedInPage(app.browser(), app.server().url, 'sam', DEMO_PASSWORD);
    await sam.page.goto(maria.page.url());
    await sam.page.getByRole('button', { name: 'Claim', exact: true }).click();
    await sam.page.getByTestId('message').filter({ hasText: 'Claimed by Sam Rivera.' }).waitFor();

    await maria.page.getByRole('button', { name: 'Claim', exact: true }).click();
    await maria.page.getByRole('alert').filter({ hasText: 'This conversation was already claimed by Sam Rivera.' }).waitFor();
    await sam.context.close();
    await maria.context.close();
  });
});
