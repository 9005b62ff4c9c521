/**
 * A fake Slack on 127.0.0.1 for end-to-end tests of the real @slack/bolt code (see
 * ../shared/docs/chat-protocols.md). One HTTP server answers the Web API and a response_url; a
 * WebSocket server on the same port plays Socket Mode.
 *
 *   const slack = await FakeSlack.start();
 *   slack.url                      // Web API base ('http://127.0.0.1:PORT/api/'): SLACK_API_URL
 *   slack.responseUrl              // a slash command's response_url; its POSTs are calls('response_url')
 *   slack.calls('chat.postMessage') // recorded calls, oldest first: { method, body, headers }
 *   await slack.waitFor('chat.postMessage', 2) // resolves with the calls once 2 have arrived
 *   slack.handle('chat.postMessage', (body, n) => ({ ok: false, error: 'not_in_channel' })) // override
 *   await slack.deliver(slack.slashCommand({ command: '/brief', text: '' })) // Socket Mode; resolves with the ack
 *   await slack.deliver(slack.event({ type: 'message', text: 'hi', ts, thread_ts }))
 *   await slack.close()
 *
 * Identity: team T0FAKE, app A0FAKE, bot user U0BOT, bot id B0BOT; users default to U0HUMAN in C0NEWS.
 * Posted messages get increasing ts values ('1700000001.000100', '1700000002.000100', …).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export const FAKE_TEAM = 'T0FAKE';
export const FAKE_APP = 'A0FAKE';
export const BOT_USER = 'U0BOT';
export const BOT_ID = 'B0BOT';
export const HUMAN = 'U0HUMAN';
export const CHANNEL = 'C0NEWS';

export type Body = Record<string, unknown>;
export interface RecordedCall {
  method: string;
  body: Body;
  headers: IncomingHttpHeaders;
}
/** A handler's answer: a JSON body (HTTP 200), or a status with headers and body (e.g. 429). */
export type FakeAnswer = Body | { status: number; headers?: Record<string, string>; body: Body };
export type FakeHandler = (body: Body, callIndex: number) => FakeAnswer | undefined;

/** Headers of a correctly signed Slack request (v0 HMAC-SHA256 of `v0:ts:body`). */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

function parseBody(raw: string, contentType: string | undefined): Body {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Body;
  const body: Body = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // web-api sends arrays and objects (blocks, attachments) as JSON strings in forms.
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

export class FakeSlack {
  private readonly recorded: RecordedCall[] = [];
  private readonly handlers = new Map<string, FakeHandler>();
  private readonly waiters = new Set<() => void>();
  private readonly pendingAcks = new Map<string, (ack: Body) => void>();
  private socket: WebSocket | null = null;
  private socketWaiters: ((socket: WebSocket) => void)[] = [];
  private tsCounter = 0;
  /** Every Socket Mode ack received, oldest first. */
  readonly acks: Body[] = [];

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        fake?.onRequest(req.url ?? '/', req.headers, Buffer.concat(chunks).toString(), res),
      );
    });
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeSlack(server, wss, (server.address() as AddressInfo).port);
    wss.on('connection', (socket) => fake?.onSocket(socket));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get responseUrl(): string {
    return `http://127.0.0.1:${this.port}/response/${FAKE_TEAM}/1/hook`;
  }

  calls(method: string): RecordedCall[] {
    return this.recorded.filter((c) => c.method === method);
  }

  /** Resolves once at least `count` calls to `method` have arrived (the test's own timeout bounds it). */
  async waitFor(method: string, count = 1): Promise<RecordedCall[]> {
    while (this.calls(method).length < count) {
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
    return this.calls(method);
  }

  handle(method: string, handler: FakeHandler): void {
    this.handlers.set(method, handler);
  }

  /** Sends a Socket Mode envelope once the app is connected; resolves with the app's ack. */
  async deliver(envelope: Body & { envelope_id: string }): Promise<Body> {
    const socket =
      this.socket ?? (await new Promise<WebSocket>((resolve) => this.socketWaiters.push(resolve)));
    const ack = new Promise<Body>((resolve) => this.pendingAcks.set(envelope.envelope_id, resolve));
    socket.send(JSON.stringify(envelope));
    return ack;
  }

  /** A slash_commands envelope; `fields` override the defaults (channel C0NEWS, user U0HUMAN). */
  slashCommand(fields: Record<string, string>): Body & { envelope_id: string } {
    return {
      envelope_id: randomUUID(),
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: this.slashCommandFields(fields),
    };
  }

  /** The fields Slack sends for a slash command (the HTTP form body, or a socket envelope's payload). */
  slashCommandFields(fields: Record<string, string>): Record<string, string> {
    return {
      token: 'legacy-verification-token',
      team_id: FAKE_TEAM,
      team_domain: 'fake',
      channel_id: CHANNEL,
      channel_name: 'news',
      user_id: HUMAN,
      user_name: 'human',
      command: '/brief',
      text: '',
      api_app_id: FAKE_APP,
      response_url: this.responseUrl,
      trigger_id: '1.2.3',
      ...fields,
    };
  }

  /** An events_api envelope around `event` (defaults: channel C0NEWS, user U0HUMAN). */
  event(event: Body): Body & { envelope_id: string } {
    const id = randomUUID();
    return {
      envelope_id: id,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: {
        type: 'event_callback',
        team_id: FAKE_TEAM,
        api_app_id: FAKE_APP,
        event_id: `Ev${id.slice(0, 8)}`,
        event_time: 1_700_000_100,
        authorizations: [{ team_id: FAKE_TEAM, user_id: BOT_USER, is_bot: true }],
        event: { channel: CHANNEL, user: HUMAN, channel_type: 'channel', event_ts: event.ts, ...event },
      },
    };
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1_700_000_000 + this.tsCounter}.000100`;
  }

  private defaultAnswer(method: string, body: Body): Body {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'newsbot',
          team_id: FAKE_TEAM,
          user_id: BOT_USER,
          bot_id: BOT_ID,
          is_enterprise_install: false,
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=fake` };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: body.channel, ts, message: { text: body.text, ts, bot_id: BOT_ID } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      default:
        return { ok: true };
    }
  }

  private onRequest(
    url: string,
    headers: IncomingHttpHeaders,
    raw: string,
    res: import('node:http').ServerResponse,
  ): void {
    const path = new URL(url, 'http://127.0.0.1').pathname;
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path.startsWith('/response/')
        ? 'response_url'
        : path;
    let body: Body;
    try {
      body = parseBody(raw, headers['content-type']);
    } catch {
      body = { raw };
    }
    const index = this.calls(method).length;
    this.recorded.push({ method, body, headers });
    for (const wake of this.waiters) wake();
    this.waiters.clear();

    const answer = this.handlers.get(method)?.(body, index) ?? this.defaultAnswer(method, body);
    const full =
      typeof answer.status === 'number' && 'body' in answer
        ? (answer as { status: number; headers?: Record<string, string>; body: Body })
        : { status: 200, body: answer as Body };
    res.writeHead(full.status, { 'content-type': 'application/json', ...full.headers });
    res.end(JSON.stringify(full.body));
  }

  private onSocket(socket: WebSocket): void {
    this.socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Body;
      if (typeof message.envelope_id !== 'string') return;
      this.acks.push(message);
      this.pendingAcks.get(message.envelope_id)?.(message);
      this.pendingAcks.delete(message.envelope_id);
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: FAKE_APP } }));
    for (const resolve of this.socketWaiters) resolve(socket);
    this.socketWaiters = [];
  }
}
