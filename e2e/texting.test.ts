import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/seed/demo.js';
import { describeInBrowser } from './support/browser.js';
import { signedInPage } from './support/pages.js';
import { openPhone, textFromPhone } from './support/phone.js';
import { useTextingApp } from './support/texting-app.js';

describeInBrowser('texting between the app and a simulated phone', () => {
  const app = useTextingApp();

  it('a phone texts in, staff see it live and reply, the phone receives the reply and staff see it delivered', async () => {
    const number = '+12015550177';
    const admin = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const phone = await openPhone(app.browser(), app.server().url, number);

    await textFromPhone(phone, number, 'Hi, is my order ready?');
    const item = admin.page.getByTestId('conversation-item').filter({ hasText: 'Text from (201) 555-0177' });
    await item.waitFor();
    await item.click();
    await admin.page.getByTestId('message').filter({ hasText: 'Hi, is my order ready?' }).waitFor();
    await expect(admin.page.getByRole('list', { name: 'External phones' }).textContent()).resolves.toContain('(201) 555-0177');

    await admin.page.getByLabel('Message').fill('Yes, it is ready at the front counter.');
    await admin.page.keyboard.press('Enter');
    const sent = admin.page.getByTestId('message').filter({ hasText: 'Yes, it is ready at the front counter.' });
    await sent.getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor({ timeout: 20_000 });

    await phone.getByTestId('phone-message').filter({ hasText: 'Yes, it is ready at the front counter.' }).waitFor();
    await admin.context.close();
    await phone.context().close();
  });

  it('shows the carrier’s failure explanation for a landline', async () => {
    const admin = await signedInPage(app.browser(), app.server().url, 'admin', DEMO_PASSWORD);
    const landline = '+12015550181';
    // The landline "texted in" earlier through the emulator, so it counts as opted in.
    await app.server().emulator!.sendFromPhone(landline, { body: 'calling from the office line' });
    const item = admin.page.getByTestId('conversation-item').filter({ hasText: 'Text from (201) 555-0181' });
    await item.waitFor();
    await item.click();
    await admin.page.getByLabel('Message').fill('Can you confirm the delivery address?');
    await admin.page.keyboard.press('Enter');
    const sent = admin.page.getByTestId('message').filter({ hasText: 'Can you confirm the delivery address?' });
    await sent.getByTestId('delivery-status').filter({ hasText: 'Undelivered' }).waitFor({ timeout: 20_000 });
    await sent.getByText(/Landline or unreachable carrier/).waitFor();
    await admin.context.close();
  });
});
