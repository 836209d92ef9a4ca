import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { refusingUnsafeText } from '../../shared/api/text.js';

/**
 * Zod validation of every request part, behind one gate for characters no database keeps as sent
 * (PostgreSQL refuses NUL, lone surrogates become "�"): a 400 naming the field, never a 500.
 */
export const textSafeValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  validatorCompiler({ ...route, schema: refusingUnsafeText(route.schema) });
