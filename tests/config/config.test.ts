import { ConfigError, describeConfig, parseConfig } from '../../src/config/config';

describe('configuration', () => {
  test('defaults are those of INTERFACES.md', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3978);
    expect(config.knowledgeDir).toBe('./knowledge');
    expect(config.databaseUrl).toBe('sqlite:./data/maillage.sqlite');
    expect(config.publicUrl).toBe('http://localhost:3978');
    expect(config.logLevel).toBe('info');
    expect(config.reportsApiKey).toBeUndefined();
    expect(config.directLineSecret).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.allowedServiceUrls).toBeUndefined();
    expect(config.trustProxy).toEqual({ kind: 'none' });
    expect(config.stateTtlHours).toBe(24);
    expect(config.redisUrl).toBeUndefined();
    expect(config.metrics).toBe(false);
  });

  test('ALLOWED_SERVICE_URLS keeps the origins of the listed URLs', () => {
    const config = parseConfig({ ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net/emea/, http://10.0.0.5:9000' });
    expect(config.allowedServiceUrls).toEqual(['https://smba.trafficmanager.net', 'http://10.0.0.5:9000']);
  });

  test.each([
    ['off', { kind: 'none' }],
    ['1', { kind: 'hops', hops: 1 }],
    ['true', { kind: 'hops', hops: 1 }],
    ['2', { kind: 'hops', hops: 2 }],
    ['10.0.0.1, ::1', { kind: 'addresses', addresses: ['10.0.0.1', '::1'] }],
  ])('TRUST_PROXY=%s', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  test('Teams deep links name TEAMS_APP_ID when an administrator published the app, else the package’s id', () => {
    const botId = '11111111-2222-4333-8444-555555555555';
    const catalogueId = 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE';
    expect(parseConfig({}).teamsAppId).toBeUndefined();
    expect(parseConfig({ MicrosoftAppId: botId, MicrosoftAppPassword: 'secret' }).teamsAppId).toBe(botId);
    expect(parseConfig({ MicrosoftAppId: botId, MicrosoftAppPassword: 'secret', TEAMS_APP_ID: catalogueId }).teamsAppId).toBe(catalogueId.toLowerCase());
    expect(() => parseConfig({ TEAMS_APP_ID: 'maillage' })).toThrow(/TEAMS_APP_ID/);
  });

  test('PUBLIC_URL follows PORT unless set, without a trailing slash', () => {
    expect(parseConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(parseConfig({ PUBLIC_URL: 'https://bot.example.org/' }).publicUrl).toBe('https://bot.example.org');
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
    [{ MicrosoftAppPassword: 'secret' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ ALLOWED_SERVICE_URLS: 'ftp://example.org' }, 'ALLOWED_SERVICE_URLS'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ STATE_TTL_HOURS: '0' }, 'STATE_TTL_HOURS'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    [{ METRICS: 'maybe' }, 'METRICS'],
    [{ REPORTS_API_KEY: 'guessable' }, 'REPORTS_API_KEY'],
  ])('a wrong value stops the start with a message naming it: %j', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as ConfigError).message).toContain(name);
    }
  });

  test('the start-up summary masks secrets and says where each value came from', () => {
    const summary = describeConfig({
      MicrosoftAppPassword: 'very-secret-password',
      DATABASE_URL: 'postgres://maillage:hunter2@db.example.org/maillage',
      PORT: '4000',
    });
    const printed = JSON.stringify(summary);
    expect(printed).not.toContain('very-secret-password');
    expect(printed).not.toContain('hunter2');
    expect(summary.PORT).toBe('4000 (env)');
    expect(summary.KNOWLEDGE_DIR).toBe('(default)');
  });
});
