import { fillText, textValuesFrom } from '../../../core/opt-in-texts.js';
import type { Services } from '../../context.js';
import { resolveTexting } from '../../texting/settings/texting-settings.js';
import type { CompanyOut } from '../presenters.js';
import { getPreferences } from './get-preferences.js';

/** What every signed-in user may know of the company's settings, and whether texting works. */
export async function getCompany(s: Services): Promise<CompanyOut> {
  const [prefs, texting] = await Promise.all([getPreferences(s.db), resolveTexting(s)]);
  return {
    companyName: prefs.companyName,
    timeZone: prefs.timeZone,
    defaultRegion: prefs.defaultRegion,
    defaultConversationTypeId: prefs.defaultConversationTypeId,
    verbalOptInScript: fillText(prefs.verbalOptInScript, textValuesFrom(prefs)),
    uploadMaxBytes: s.config.uploadMaxBytes,
    transactionCode: prefs.transactionCode,
    texting: {
      available: texting !== null,
      usingEmulator: texting?.usingEmulator ?? false,
      simulatorUrl: texting?.usingEmulator ? '/simulator' : null,
    },
  };
}
