import { agreementsApi } from './agreements.js';
import { auditApi } from './audit.js';
import { caseloadApi } from './caseload.js';
import { authApi, setupApi } from './auth.js';
import { checkinsApi } from './checkins.js';
import { commitmentsApi } from './commitments.js';
import { consentApi } from './consent.js';
import { crisisApi } from './crisis.js';
import { directoryApi } from './directory.js';
import { groupsApi } from './groups.js';
import { healthApi } from './health.js';
import { intakeApi } from './intake.js';
import { journeysApi, partnersApi } from './journeys.js';
import { lettersApi } from './letters.js';
import { mailApi } from './mail.js';
import { practiceApi } from './practice.js';
import { programApi } from './program.js';
import { safetyApi } from './safety.js';
import { screensApi } from './screens.js';
import { therapistsApi } from './therapists.js';
import { timeoutsApi } from './timeouts.js';
import { twoFactorApi } from './two-factor.js';
import { activitiesApi } from './activities.js';
import { closenessApi } from './closeness.js';
import { appreciationsApi, promptsApi } from './reconnection.js';
import { questionsApi } from './questions.js';
import { meetingsApi } from './meetings.js';
import { forgivenessApi } from './forgiveness.js';

/**
 * Every endpoint contract, by feature. The web client's table of addresses
 * (src/web/api/endpoints.ts) is generated from this by `npm run gen:endpoints`, so the browser
 * gets each endpoint's method and path without its schemas; a test checks the table is current.
 */
export const contracts = {
  agreements: agreementsApi,
  audit: auditApi,
  auth: authApi,
  caseload: caseloadApi,
  checkins: checkinsApi,
  commitments: commitmentsApi,
  consent: consentApi,
  crisis: crisisApi,
  directory: directoryApi,
  groups: groupsApi,
  health: healthApi,
  intake: intakeApi,
  journeys: journeysApi,
  letters: lettersApi,
  mail: mailApi,
  partners: partnersApi,
  practice: practiceApi,
  program: programApi,
  safety: safetyApi,
  screens: screensApi,
  setup: setupApi,
  therapists: therapistsApi,
  timeouts: timeoutsApi,
  twoFactor: twoFactorApi,
  activities: activitiesApi,
  closeness: closenessApi,
  prompts: promptsApi,
  appreciations: appreciationsApi,
  questions: questionsApi,
  meetings: meetingsApi,
  forgiveness: forgivenessApi,
};
