import type { Browser, Page } from 'playwright-core';

/** The phone simulator page playing one mobile phone. */
export async function openPhone(browser: Browser, baseUrl: string, number: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/simulator`);
  await page.getByLabel('Phone number').fill(number);
  await page.getByRole('button', { name: 'Add phone' }).click();
  await page.locator(`[data-phone="${number}"]`).waitFor();
  return page;
}

/** Sends a text from the simulated phone to the business. */
export async function textFromPhone(phone: Page, number: string, body: string) {
  const box = phone.locator(`[data-phone="${number}"]`);
  await box.getByLabel('Message').fill(body);
  await box.getByRole('button', { name: 'Send' }).click();
}

/** Waits until the simulated phone shows a message containing `text`. */
export async function phoneReceives(phone: Page, text: string | RegExp) {
  await phone.getByTestId('phone-message').filter({ hasText: text }).first().waitFor();
}
