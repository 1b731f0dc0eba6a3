import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { afterAll, describe, expect, it } from 'vitest'

import { curlCommand } from '../../../src/components/http/curl-command'
import type { CurlCommand } from '../../../src/components/http/curl-command'
import { maskSecrets } from '../../../src/components/http/mask-secrets'
import type { HttpExchange } from '../../../src/oidc'

const run = promisify(execFile)

const identity = (text: string) => text

function exchange(overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    method: 'GET',
    url: 'https://op.example/.well-known/openid-configuration',
    requestHeaders: [['accept', 'application/json']],
    status: 200,
    startedAt: 0,
    durationMs: 5,
    ...overrides,
  }
}

/** The shells a copied command is pasted into, each started without the user's configuration. */
const SHELLS: [string, ...string[]][] = [
  ['sh', '-c'],
  ['bash', '--norc', '--noprofile', '-c'],
  ['zsh', '-f', '-c'],
  ['fish', '--no-config', '-c'],
]

/**
 * A stand-in for curl first on PATH that writes its arguments NUL-separated (so newlines inside
 * arguments survive), and a folder where injected code would leave a trace.
 */
const shim = mkdtempSync(join(tmpdir(), 'pkce-lab-curl-'))
writeFileSync(join(shim, 'curl'), '#!/bin/sh\nprintf \'%s\\0\' "$@"\n', { mode: 0o755 })
afterAll(() => {
  rmSync(shim, { recursive: true, force: true })
})

function commandOf(result: CurlCommand): string {
  if (!result.ok) throw new Error(`no command: ${result.reason}`)
  expect(result.command.startsWith('curl ')).toBe(true)
  return result.command
}

/** The arguments `shell` passes to curl for `command`, run exactly as printed. */
async function argumentsIn(shell: [string, ...string[]], command: string): Promise<string[]> {
  const [name, ...flags] = shell
  const where = mkdtempSync(join(tmpdir(), 'pkce-lab-paste-'))
  try {
    const { stdout } = await run(name, [...flags, command], {
      cwd: where,
      env: { HOME: '/home/expanded', PATH: `${shim}:${process.env.PATH ?? ''}` },
      timeout: 30_000,
    }).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') {
        throw new Error(`${name} is not installed: apt-get install fish zsh (CI installs them)`)
      }
      throw error
    })
    // Nothing the command carried ran: the folder it ran in is still empty.
    expect(readdirSync(where)).toEqual([])
    return stdout.split('\0').slice(0, -1)
  } finally {
    rmSync(where, { recursive: true, force: true })
  }
}

/** The arguments sh passes to curl, checked to be the same in bash, zsh and fish. */
async function argumentsOf(command: string): Promise<string[]> {
  const [first, ...others] = await Promise.all(SHELLS.map((shell) => argumentsIn(shell, command)))
  for (const other of others) expect(other).toEqual(first)
  return first ?? []
}

/** The values that follow each -H. */
function headersOf(args: readonly string[]): string[] {
  return args.flatMap((arg, index) => (arg === '-H' ? [args.at(index + 1) ?? ''] : []))
}

describe('curlCommand', { timeout: 120_000 }, () => {
  it('sends a GET without -X: curl -sS, the URL, then the headers', async () => {
    const command = commandOf(curlCommand(exchange(), identity))

    expect(command).not.toContain('-X')
    expect(command).not.toContain('--data-raw')
    expect(await argumentsOf(command)).toEqual([
      '-sS',
      '--globoff',
      'https://op.example/.well-known/openid-configuration',
      '-H',
      'accept: application/json',
    ])
  })

  it('sends a POST with -X POST and the body with --data-raw, as sent', async () => {
    const body = 'grant_type=authorization_code&code=abc&code_verifier=v%2Fw&redirect_uri=x+y'
    const command = commandOf(
      curlCommand(
        exchange({
          method: 'POST',
          url: 'https://op.example/token',
          requestHeaders: [
            ['accept', 'application/json'],
            ['content-type', 'application/x-www-form-urlencoded;charset=UTF-8'],
          ],
          requestBody: body,
        }),
        identity,
      ),
    )

    expect(await argumentsOf(command)).toEqual([
      '-sS',
      '--globoff',
      '-X',
      'POST',
      'https://op.example/token',
      '-H',
      'accept: application/json',
      '-H',
      'content-type: application/x-www-form-urlencoded;charset=UTF-8',
      '--data-raw',
      body,
    ])
  })

  it.each([
    ['a variable', 'home=$HOME&x=${HOME}'],
    ['command substitution', 'a=`touch sub`&b=$(touch dollar)&c=(touch fish)'],
    ['a brace expansion', '{touch,braces}'],
    ['command separators', '; touch semi; | touch pipe & touch amp'],
    ['double quotes', 'say "hi" $(touch dq)'],
    ['glob, history and percent characters', '* ? [a] ! !! ~ # < > % %1 ^'],
    ['non-ASCII text', 'été 😀'],
    ['a JSON body', '{"scope":"$HOME `touch tick`","cmd":"$(touch json)","list":[1,2]}'],
  ])('passes %s through sh, bash, zsh and fish unchanged', async (_, text) => {
    const command = commandOf(
      curlCommand(
        exchange({
          method: 'POST',
          url: 'https://op.example/token',
          requestHeaders: [['x-test', text]],
          requestBody: text,
        }),
        identity,
      ),
    )

    expect(await argumentsOf(command)).toEqual([
      '-sS',
      '--globoff',
      '-X',
      'POST',
      'https://op.example/token',
      '-H',
      `x-test: ${text}`,
      '--data-raw',
      text,
    ])
  })

  it.each([
    [
      "a fragment made to break out in fish: #\\';{touch,x};#",
      "https://op.example/token#\\';{touch,x};#",
      'https://op.example/token',
    ],
    ['a fragment', 'https://op.example/authorize?a=1#frag', 'https://op.example/authorize?a=1'],
    [
      'a quote and spaces in the query',
      "https://op.example/token?q=it's here",
      'https://op.example/token?q=it%27s%20here',
    ],
    [
      'shell characters in the path',
      'https://op.example/$(touch p)/`x`/{a,b}',
      'https://op.example/$(touch%20p)/%60x%60/%7Ba,b%7D',
    ],
    ['non-ASCII in the path', 'https://op.example/été', 'https://op.example/%C3%A9t%C3%A9'],
  ])('drops the fragment and percent-encodes the URL for %s', async (_, url, sent) => {
    const command = commandOf(curlCommand(exchange({ url }), identity))

    // Pasted first: code the URL smuggles in must be caught running, not only by its text.
    expect((await argumentsOf(command))[2]).toBe(sent)
    expect(command).not.toContain('#')
  })

  it('has the real curl send the one request recorded, braces and brackets in the URL unexpanded', async () => {
    const requested: string[] = []
    const server = createServer((request, response) => {
      requested.push(request.url ?? '')
      response.end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const url = `http://127.0.0.1:${String(port)}/token?x={a,b}&y=[1-2]`
      // curl's URL globbing, not the shell, would turn these into four requests.
      await run('sh', ['-c', commandOf(curlCommand(exchange({ url }), identity))], {
        timeout: 30_000,
      })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }

    expect(requested).toEqual(['/token?x={a,b}&y=[1-2]'])
  })

  it.each([
    [
      'a single quote in a header',
      { requestHeaders: [['x-test', "it's"]] as [string, string][] },
      'the x-test header',
    ],
    ['a backslash in the body', { method: 'POST', requestBody: 'a\\b' }, 'the body'],
    ['a newline in the body', { method: 'POST', requestBody: 'a\nb' }, 'the body'],
    [
      'a C1 control in a header',
      { requestHeaders: [['x-test', 'a\u0085b']] as [string, string][] },
      'the x-test header',
    ],
    ['an escape character in the body', { method: 'POST', requestBody: '\u001b[31m' }, 'the body'],
  ])('offers no command, and says why, for %s', (_, overrides, where) => {
    const result = curlCommand(exchange(overrides), identity)

    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toContain(where)
  })

  it('leaves out the headers the browser adds on its own, whatever their case', async () => {
    const command = commandOf(
      curlCommand(
        exchange({
          requestHeaders: [
            ['Origin', 'https://app.example'],
            ['user-agent', 'Mozilla/5.0'],
            ['User-Agent', 'Mozilla/5.0 again'],
            ['referer', 'https://app.example/'],
            ['accept-encoding', 'gzip'],
            ['connection', 'keep-alive'],
            ['accept', 'application/json'],
            ['authorization', 'Bearer abc'],
          ],
        }),
        identity,
      ),
    )

    expect(headersOf(await argumentsOf(command))).toEqual([
      'accept: application/json',
      'authorization: Bearer abc',
    ])
    expect(command).not.toMatch(/origin|user-agent|referer|accept-encoding|connection/i)
  })

  it('passes the URL, every header value and the body through `show`', async () => {
    const command = commandOf(
      curlCommand(
        exchange({
          method: 'POST',
          url: 'https://op.example/userinfo?token=SECRET',
          requestHeaders: [['authorization', 'Bearer SECRET']],
          requestBody: 'token=SECRET&other=SECRET',
        }),
        (text) => text.replaceAll('SECRET', '***'),
      ),
    )

    expect(command).not.toContain('SECRET')
    expect(await argumentsOf(command)).toEqual([
      '-sS',
      '--globoff',
      '-X',
      'POST',
      'https://op.example/userinfo?token=***',
      '-H',
      'authorization: Bearer ***',
      '--data-raw',
      'token=***&other=***',
    ])
  })

  it('offers the masked command, and refuses the revealed one when a secret holds a quote', async () => {
    const refreshToken = 'rt-0123456789abcdef'
    const clientSecret = "s3cr3t-with-'quote"
    const secrets = [refreshToken, clientSecret]
    const recorded = exchange({
      method: 'POST',
      url: 'https://op.example/token',
      requestHeaders: [['content-type', 'application/x-www-form-urlencoded']],
      requestBody: `grant_type=refresh_token&refresh_token=${refreshToken}&client_secret=${clientSecret}`,
    })

    const masked = commandOf(curlCommand(recorded, (text) => maskSecrets(text, secrets, false)))
    expect(masked).not.toContain(refreshToken)
    expect(masked).not.toContain('s3cr3t-with')
    expect((await argumentsOf(masked)).at(-1)).toBe(
      'grant_type=refresh_token&refresh_token=rt-0…[masked, 19 characters]&client_secret=s3cr…[masked, 18 characters]',
    )

    const revealed = curlCommand(recorded, (text) => maskSecrets(text, secrets, true))
    expect(revealed.ok).toBe(false)
  })
})
