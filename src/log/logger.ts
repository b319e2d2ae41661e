import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Message texts, positions and names of users are never passed to the logger by our code;
 * the redaction below is a second line of defence for objects logged whole by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'maillage' },
      redact: {
        paths: ['text', '*.text', 'activity.text', 'value', '*.value', 'latitude', 'longitude', '*.latitude', '*.longitude', 'authorization', '*.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
