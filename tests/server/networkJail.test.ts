import http from 'node:http';
import { isLoopbackHost, jailToLoopback } from '../helpers/networkJail';

/** The fuzz test and the bench rely on this jail to keep botbuilder's outgoing requests on the machine. */
describe('jailToLoopback', () => {
  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['192.168.1.1', false],
    ['api.botframework.com', false],
    ['127.0.0.1.example.com', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  test('a request to a name outside the loopback fails before any lookup, and the jail lifts', async () => {
    const unjail = jailToLoopback();
    try {
      const failure = await new Promise<Error>((resolve) => {
        http.get('http://maillage-jail-check.invalid/', () => resolve(new Error('answered'))).on('error', resolve);
      });
      expect(failure.message).toMatch(/blocked/);
    } finally {
      unjail();
    }
  });

  test('the loopback still works inside the jail', async () => {
    const unjail = jailToLoopback();
    const server = http.createServer((_req, res) => res.end('ok'));
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('ok');
    } finally {
      server.close();
      unjail();
    }
  });
});
