import { WebSocket } from 'ws';

/** What the fault tests read of an activity that came down a stream. */
export interface StreamedActivity {
  id: string;
  text?: string;
}

/**
 * A bare WebSocket client of a conversation's streamUrl: every activity it receives, in order; `opened` rejects
 * (naming the status) when the upgrade is refused; `closed` resolves with the close code.
 */
export function openStream(url: string) {
  const socket = new WebSocket(url);
  const activities: StreamedActivity[] = [];
  socket.on('message', (data) => activities.push(...(JSON.parse(String(data)) as { activities: StreamedActivity[] }).activities));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return { socket, activities, opened, closed };
}
