/**
 * A fake Discord on 127.0.0.1 for end-to-end tests of the real discord.js Client (see
 * ../shared/docs/chat-protocols.md). One HTTP server answers REST under /api/v10; a WebSocket
 * server on the same port plays the gateway (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats).
 *
 *   const discord = await FakeDiscord.start();
 *   discord.restUrl                // REST base ('http://127.0.0.1:PORT/api'): DISCORD_API_URL / rest.api
 *   discord.calls                  // every REST call, oldest first: { method, path, body, auth }
 *   await discord.waitFor('POST', /^\/channels\/\d+\/messages$/)  // resolves with the first matching call
 *   discord.handle('POST', /^\/channels\/\d+\/messages$/, () => ({ status: 403, body: {...} })) // override
 *   await discord.identified       // the client has sent IDENTIFY and received READY + GUILD_CREATE
 *   discord.dispatch('INTERACTION_CREATE', discord.slashCommand('brief', { set: 'x' }))
 *   discord.dispatch('MESSAGE_CREATE', discord.message({ channelId, content: `<@${APP_ID}> hi`, mentionsBot: true }))
 *   await discord.close()
 *
 * Identity: application APP_ID (also the bot user's id), guild GUILD_ID, text channel CHANNEL_ID,
 * human user HUMAN_ID. Paths are recorded decoded and without the '/api/v10' prefix, e.g.
 * 'PATCH /webhooks/APP_ID/<token>/messages/@original'. Created messages and threads get
 * increasing snowflake ids. Payload shapes and ids live in ./fake-discord-payloads.ts (re-exported).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  APP_ID,
  botUser,
  CHANNEL_ID,
  GUILD_ID,
  guildCreate,
  human,
  type Json,
  MANAGER_PERMISSIONS,
  MEMBER_PERMISSIONS,
  messageObject,
  messagePayload,
  textChannel,
  threadObject,
} from './fake-discord-payloads.ts';

export * from './fake-discord-payloads.ts';

export interface RecordedCall {
  method: string;
  path: string;
  query: string;
  body: Json;
  /** The Authorization header (interaction callbacks carry none). */
  auth: string | undefined;
}
export type FakeAnswer = { status: number; body?: unknown };
export type FakeHandler = (call: RecordedCall) => FakeAnswer | undefined;

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  /** Resolves once a client has identified and received READY and GUILD_CREATE. */
  readonly identified: Promise<void>;
  private readonly handlers: { method: string; path: RegExp; handler: FakeHandler }[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] =
    [];
  private nextId = 500_000_000_000_000_000n;
  private seq = 0;
  private markIdentified: () => void = () => {};
  /** The @original message id of each interaction token: edits keep one id. */
  private readonly originals = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {
    this.identified = new Promise((resolve) => {
      this.markIdentified = resolve;
    });
    wss.on('connection', (socket) => this.onSocket(socket));
  }

  static async start(): Promise<FakeDiscord> {
    let fake: FakeDiscord | undefined;
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      req.on('end', () => {
        const answer = fake?.onRequest(req.method ?? 'GET', req.url ?? '/', raw, req.headers.authorization);
        // A 204 carries no body and no content type: discord.js would try to parse it as JSON.
        if (answer?.body === undefined) res.writeHead(answer?.status ?? 500).end();
        else
          res
            .writeHead(answer.status, { 'content-type': 'application/json' })
            .end(JSON.stringify(answer.body));
      });
    });
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeDiscord(server, wss, (server.address() as AddressInfo).port);
    return fake;
  }

  get restUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** A fresh snowflake id. */
  id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  /** Overrides the answer to matching calls; return undefined to fall through to the default. */
  handle(method: string, path: RegExp, handler: FakeHandler): void {
    this.handlers.unshift({ method, path, handler });
  }

  /** Resolves with the first call (past or future) matching method and path. */
  waitFor(method: string, path: RegExp): Promise<RecordedCall> {
    const match = (c: RecordedCall) => c.method === method && path.test(c.path);
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(event: string, data: Json): void {
    this.seq += 1;
    for (const socket of this.sockets) socket.send(JSON.stringify({ op: 0, t: event, s: this.seq, d: data }));
  }

  /** An INTERACTION_CREATE payload for a slash command with string options (`channel`: e.g. a threadObject). */
  slashCommand(
    name: string,
    options: Record<string, string> = {},
    extra: { channelId?: string; permissions?: string; userId?: string; channel?: Json } = {},
  ): Json {
    return {
      id: this.id(),
      application_id: APP_ID,
      type: 2,
      token: `itoken-${this.id()}`,
      version: 1,
      guild_id: GUILD_ID,
      channel_id: extra.channelId ?? CHANNEL_ID,
      channel: extra.channel ?? {
        id: extra.channelId ?? CHANNEL_ID,
        type: 0,
        guild_id: GUILD_ID,
        name: 'news',
      },
      member: {
        user: human(extra.userId),
        roles: [],
        permissions: extra.permissions ?? MEMBER_PERMISSIONS,
        joined_at: '2026-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: MANAGER_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
      data: {
        id: this.id(),
        name,
        type: 1,
        options: Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value })),
      },
    };
  }

  /** An INTERACTION_CREATE payload for autocomplete (type 4) on the focused string option. */
  autocomplete(name: string, focused: string, value: string): Json {
    const base = this.slashCommand(name);
    return {
      ...base,
      type: 4,
      data: { id: this.id(), name, type: 1, options: [{ name: focused, type: 3, value, focused: true }] },
    };
  }

  /** A MESSAGE_CREATE payload (its channel must be cached by the client: CHANNEL_ID or a created thread). */
  message(options: { channelId: string; content: string; author?: Json; mentionsBot?: boolean }): Json {
    return messagePayload(this.id(), options);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(String(raw)) as { op?: number; d?: unknown };
      } catch {
        return;
      }
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op === 6) socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
      if (payload.op === 2) this.onIdentify();
    });
  }

  private onIdentify(): void {
    this.dispatch('READY', {
      v: 10,
      user: botUser(),
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: APP_ID, flags: 0 },
    });
    this.dispatch('GUILD_CREATE', guildCreate());
    this.markIdentified();
  }

  private onRequest(method: string, url: string, raw: string, auth: string | undefined): FakeAnswer {
    const [pathname = '/', query = ''] = url.split('?');
    const path = decodeURIComponent(pathname.replace(/^\/api\/v\d+/, ''));
    let body: Json = {};
    try {
      body = raw ? (JSON.parse(raw) as Json) : {};
    } catch {
      body = { raw };
    }
    const call: RecordedCall = { method, path, query, body, auth };
    this.calls.push(call);
    for (const waiter of this.waiters.filter((w) => w.match(call))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
    for (const h of this.handlers) {
      if (h.method !== method || !h.path.test(path)) continue;
      const answer = h.handler(call);
      if (answer) return answer;
    }
    return this.defaultAnswer(call);
  }

  private originalId(token: string, which: string): string {
    if (which !== '@original') return which;
    const id = this.originals.get(token) ?? this.id();
    this.originals.set(token, id);
    return id;
  }

  private defaultAnswer(call: RecordedCall): FakeAnswer {
    const { method, path, body } = call;
    const webhookMessage = /^\/webhooks\/\d+\/([^/]+)\/messages\/(@original|\d+)$/.exec(path);
    const channelMessages = /^\/channels\/(\d+)\/messages$/.exec(path);
    const threadStart = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = Array.isArray(body) ? body : [];
      return {
        status: 200,
        body: commands.map((c: Json) => ({ ...c, id: this.id(), application_id: APP_ID, version: '1' })),
      };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (webhookMessage) {
      if (method === 'DELETE') return { status: 204 };
      return {
        status: 200,
        body: messageObject(
          this.originalId(webhookMessage[1] ?? '', webhookMessage[2] ?? ''),
          CHANNEL_ID,
          body,
        ),
      };
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) {
      return { status: 200, body: messageObject(this.id(), CHANNEL_ID, body) };
    }
    if (method === 'POST' && channelMessages) {
      return { status: 200, body: messageObject(this.id(), channelMessages[1] ?? CHANNEL_ID, body) };
    }
    if (method === 'POST' && threadStart) {
      return {
        status: 201,
        // A thread started from a message has the message's id.
        body: threadObject(threadStart[2] ?? '', threadStart[1] ?? '', body),
      };
    }
    if (method === 'GET' && path === `/channels/${CHANNEL_ID}`) {
      return { status: 200, body: { ...textChannel(), guild_id: GUILD_ID } };
    }
    if (method === 'GET' && /^\/channels\/\d+$/.test(path)) {
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    }
    return { status: 404, body: { message: `No fake route for ${method} ${path}`, code: 0 } };
  }
}
