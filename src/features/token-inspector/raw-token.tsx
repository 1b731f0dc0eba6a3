import { CopyButton } from '../../components/ui/copy-button'

export interface RawTokenProps {
  token: string
  /** e.g. "access token"; completes the copy button's label. */
  tokenName: string
}

/** The token exactly as received, with a button to copy it. */
export function RawToken({ token, tokenName }: RawTokenProps) {
  return (
    <div className="raw-token">
      <code className="raw-token__text">{token}</code>
      <CopyButton text={token} label={`Copy ${tokenName}`} />
    </div>
  )
}
