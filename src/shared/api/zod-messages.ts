import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'empty',
};

/**
 * Plain-language defaults for validation messages. Schemas that a person fills in carry their own
 * messages; these cover the rest (mostly requests that did not come from our own client).
 */
export function installZodMessages(): void {
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined || issue.input === null
            ? 'This is required.'
            : `This should be ${typeNames[issue.expected] ?? issue.expected}.`;
        case 'unrecognized_keys':
          return `We don't recognise ${issue.keys.map((k) => `"${k}"`).join(', ')} here.`;
        case 'too_small':
          return issue.origin === 'string'
            ? `Please use at least ${String(issue.minimum)} characters.`
            : `This is too small (the least is ${String(issue.minimum)}).`;
        case 'too_big':
          return issue.origin === 'string'
            ? `Please use at most ${String(issue.maximum)} characters.`
            : `This is too large (the most is ${String(issue.maximum)}).`;
        case 'invalid_value':
          return `Please choose one of: ${issue.values.map(String).join(', ')}.`;
        case 'invalid_format':
          return issue.format === 'uuid'
            ? 'That id is not valid.'
            : `This is not a valid ${issue.format}.`;
        default:
          return undefined;
      }
    },
  });
}
