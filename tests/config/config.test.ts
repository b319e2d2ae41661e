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
