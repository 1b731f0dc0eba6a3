import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { curlCommand } from '../../../src/features/flow-timeline/curl-command'
import { maskSecrets } from '../../../src/features/flow-timeline/mask-secrets'
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

/**
 * The arguments a POSIX shell passes to curl for `command`, printed by a shell function named curl
 * (NUL-separated, so newlines inside arguments survive): nothing is expanded or executed.
 */
async function argumentsOf(command: string): Promise<string[]> {
  expect(command.startsWith('curl ')).toBe(true)
  const { stdout } = await run('sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], {
    env: { HOME: '/home/expanded', PATH: process.env.PATH ?? '' },
    timeout: 5000,
  })
  return stdout.split('\0').slice(0, -1)
}

/** The values that follow each -H. */
function headersOf(args: readonly string[]): string[] {
  return args.flatMap((arg, index) => (arg === '-H' ? [args.at(index + 1) ?? ''] : []))
}

describe('curlCommand', () => {
  it('sends a GET without -X: curl -sS, the URL, then the headers', async () => {
    const command = curlCommand(exchange(), identity)

    expect(command).not.toContain('-X')
    expect(command).not.toContain('--data-raw')
    expect(await argumentsOf(command)).toEqual([
      '-sS',
      'https://op.example/.well-known/openid-configuration',
      '-H',
      'accept: application/json',
    ])
  })

  it('sends a POST with -X POST and the body with --data-raw, as sent', async () => {
    const body = 'grant_type=authorization_code&code=abc&code_verifier=v%2Fw&redirect_uri=x+y'
    const command = curlCommand(
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
    )

    expect(await argumentsOf(command)).toEqual([
      '-sS',
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
    ['single quotes', `it's 'quoted' ''`],
    ['a variable', 'home=$HOME&x=${HOME}'],
    ['command substitution', 'a=`id`&b=$(id)'],
    ['a way out of the quotes', `'; touch /tmp/pkce-lab-pwned; echo '`],
    ['double quotes, backslashes and a newline', 'say "hi" \\ \\n and\nnext line'],
    ['glob and history characters', '* ? [a] ! ~ # & | ; < >'],
  ])('quotes %s so that the shell passes the bytes unchanged', async (_, text) => {
    const command = curlCommand(
      exchange({
        method: 'POST',
        url: `https://op.example/token?q=${text}`,
        requestHeaders: [['x-test', text]],
        requestBody: text,
      }),
      identity,
    )

    expect(await argumentsOf(command)).toEqual([
      '-sS',
      '-X',
      'POST',
      `https://op.example/token?q=${text}`,
      '-H',
      `x-test: ${text}`,
      '--data-raw',
      text,
    ])
  })

  it('leaves out the headers the browser adds on its own, whatever their case', async () => {
    const command = curlCommand(
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
    )

    expect(headersOf(await argumentsOf(command))).toEqual([
      'accept: application/json',
      'authorization: Bearer abc',
    ])
    expect(command).not.toMatch(/origin|user-agent|referer|accept-encoding|connection/i)
  })

  it('passes the URL, every header value and the body through `show`', async () => {
    const command = curlCommand(
      exchange({
        method: 'POST',
        url: 'https://op.example/userinfo?token=SECRET',
        requestHeaders: [['authorization', 'Bearer SECRET']],
        requestBody: 'token=SECRET&other=SECRET',
      }),
      (text) => text.replaceAll('SECRET', '***'),
    )

    expect(command).not.toContain('SECRET')
    expect(await argumentsOf(command)).toEqual([
      '-sS',
      '-X',
      'POST',
      'https://op.example/userinfo?token=***',
      '-H',
      'authorization: Bearer ***',
      '--data-raw',
      'token=***&other=***',
    ])
  })

  it('masks tokens and secrets with maskSecrets until they are revealed', async () => {
    const refreshToken = 'rt-0123456789abcdef'
    const clientSecret = "s3cr3t-with-'quote"
    const secrets = [refreshToken, clientSecret]
    const recorded = exchange({
      method: 'POST',
      url: 'https://op.example/token',
      requestHeaders: [['content-type', 'application/x-www-form-urlencoded']],
      requestBody: `grant_type=refresh_token&refresh_token=${refreshToken}&client_secret=${clientSecret}`,
    })

    const masked = curlCommand(recorded, (text) => maskSecrets(text, secrets, false))
    expect(masked).not.toContain(refreshToken)
    expect(masked).not.toContain('s3cr3t-with')
    expect((await argumentsOf(masked)).at(-1)).toBe(
      'grant_type=refresh_token&refresh_token=rt-0…[masked, 19 characters]&client_secret=s3cr…[masked, 18 characters]',
    )

    const revealed = curlCommand(recorded, (text) => maskSecrets(text, secrets, true))
    expect((await argumentsOf(revealed)).at(-1)).toBe(recorded.requestBody)
  })
})
