import type { FastifyInstance } from 'fastify';
import { lettersApi as api } from '../../../shared/api/letters.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as letters from './letters.service.js';

export function registerLetterRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.list, (c) => letters.listLetters(deps, c));
  serve(app, deps, api.start, (c, input) => letters.startLetter(deps, c, input));
  serve(app, deps, api.rewrite, (c, input) => letters.rewriteDraft(deps, c, input));
  serve(app, deps, api.share, (c, input) => letters.shareLetter(deps, c, input));
  serve(app, deps, api.remove, (c, input) => letters.removeUnsent(deps, c, input));
  serve(app, deps, api.answer, (c, input) => letters.answerLetter(deps, c, input));
}
