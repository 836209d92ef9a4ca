import type { FastifyInstance } from 'fastify';
import { appreciationsApi, promptsApi } from '../../../shared/api/reconnection.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as reconnection from './reconnection.service.js';

export function registerReconnectionRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, promptsApi.list, (c) => reconnection.listPrompts(deps, c));
  serve(app, deps, promptsApi.answer, (c, input) => reconnection.answerPrompt(deps, c, input));
  serve(app, deps, promptsApi.skip, (c, input) => reconnection.skipPrompt(deps, c, input));
  serve(app, deps, appreciationsApi.list, (c, input) =>
    reconnection.listAppreciations(deps, c, input),
  );
  serve(app, deps, appreciationsApi.send, (c, input) =>
    reconnection.sendAppreciation(deps, c, input),
  );
  serve(app, deps, appreciationsApi.takeBack, (c, input) =>
    reconnection.takeBackAppreciation(deps, c, input),
  );
}
