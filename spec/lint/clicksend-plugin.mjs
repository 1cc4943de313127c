// Lint rules Redocly's configurable rules cannot express. Loaded by redocly.yaml (`plugins:`).

/**
 * `x-idempotent` must be the boolean true or false: the client decides retries from it, and a
 * string such as "no" would read as truthy.
 */
function XIdempotentBoolean() {
  return {
    Operation: {
      enter(operation, ctx) {
        const value = operation['x-idempotent'];
        if (typeof value === 'boolean') return;
        ctx.report({
          message:
            value === undefined
              ? 'Every operation needs `x-idempotent` set to true or false: is it safe to send twice?'
              : `\`x-idempotent\` must be the boolean true or false, not ${JSON.stringify(value)}`,
          location: value === undefined ? ctx.location.key() : ctx.location.child('x-idempotent'),
        });
      },
    },
  };
}

export default function clicksendPlugin() {
  return {
    id: 'clicksend',
    rules: {
      oas3: {
        'x-idempotent-boolean': XIdempotentBoolean,
      },
    },
  };
}
