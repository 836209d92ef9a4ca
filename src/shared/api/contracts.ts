import { agreementsApi } from './agreements.js';
import { caseloadApi } from './caseload.js';
import { authApi, setupApi } from './auth.js';
import { checkinsApi } from './checkins.js';
import { commitmentsApi } from './commitments.js';
import { crisisApi } from './crisis.js';
import { healthApi } from './health.js';
import { journeysApi, partnersApi } from './journeys.js';
import { lettersApi } from './letters.js';
import { practiceApi } from './practice.js';
import { programApi } from './program.js';
import { safetyApi } from './safety.js';
import { screensApi } from './screens.js';
import { timeoutsApi } from './timeouts.js';

/**
 * Every endpoint contract, by feature. The web client's table of addresses
 * (src/web/api/endpoints.ts) is generated from this by `npm run gen:endpoints`, so the browser
 * gets each endpoint's method and path without its schemas; a test checks the table is current.
 */
export const contracts = {
  agreements: agreementsApi,
  auth: authApi,
  caseload: caseloadApi,
  checkins: checkinsApi,
  commitments: commitmentsApi,
  crisis: crisisApi,
  health: healthApi,
  journeys: journeysApi,
  letters: lettersApi,
  partners: partnersApi,
  practice: practiceApi,
  program: programApi,
  safety: safetyApi,
  screens: screensApi,
  setup: setupApi,
  timeouts: timeoutsApi,
};
