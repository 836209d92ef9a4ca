import type { FastifyInstance } from 'fastify';
import { questionsApi as api } from '../../../shared/api/questions.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as questions from './questions.service.js';

export function registerQuestionRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.state, (c) => questions.questionsState(deps, c));
  serve(app, deps, api.setOpenness, (c, input) => questions.setOpenness(deps, c, input));
  serve(app, deps, api.list, (c, input) => questions.listQuestions(deps, c, input));
  serve(app, deps, api.ask, (c, input) => questions.askQuestion(deps, c, input));
  serve(app, deps, api.answer, (c, input) => questions.answerQuestion(deps, c, input));
  serve(app, deps, api.mark, (c, input) => questions.markAnswer(deps, c, input));
}
