import { useEffect, useId, useState } from 'react'
import { useLocation } from 'react-router'

import { CATALOGUE, CATALOGUE_GROUPS } from '../../components/errors/error-catalogue'
import type { CatalogueEntry } from '../../components/errors/error-catalogue'
import { SpecLink } from '../../components/ui/spec-link'

import './error-explainer.css'

/** Case, punctuation and underscores ignored, so "invalid grant" finds invalid_grant. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function searchText(entry: CatalogueEntry): string {
  return normalise(
    [
      entry.id,
      entry.message,
      entry.title,
      entry.match.error ?? '',
      entry.match.descriptionIncludes ?? '',
      ...(entry.providers ?? []),
    ].join(' '),
  )
}

const SEARCH_TEXT = new Map(CATALOGUE.map((entry) => [entry.id, searchText(entry)]))

/**
 * Typed words are looked for in the entry; a whole pasted message is looked at the other way round,
 * for the words or code that identify the entry (an AADSTS number, "Stale token", invalid_grant).
 */
function matches(entry: CatalogueEntry, query: string): boolean {
  const needle = normalise(query)
  if (needle === '') return true
  if (SEARCH_TEXT.get(entry.id)?.includes(needle)) return true
  const pasted = query.toLowerCase()
  const { descriptionIncludes, error } = entry.match
  // An entry known by its words is not found by its code alone: another message with that code is
  // another failure.
  if (descriptionIncludes !== undefined) return pasted.includes(descriptionIncludes.toLowerCase())
  return error !== undefined && new RegExp(`\\b${error}\\b`).test(pasted)
}

/** A search that leaves this many entries or fewer shows them open. */
const OPEN_WHEN_AT_MOST = 3

function Entry(props: { entry: CatalogueEntry; isTarget: boolean; open: boolean }) {
  const { entry, isTarget } = props
  const titleId = `${entry.id}-title`
  return (
    <article
      id={entry.id}
      aria-labelledby={titleId}
      className={isTarget ? 'notice error-entry' : 'error-entry'}
      // Focusable only as the target, so keyboard and screen-reader users start where they were sent.
      tabIndex={isTarget ? -1 : undefined}
    >
      {isTarget && (
        <p>
          <strong>You came here from this error.</strong>
        </p>
      )}
      {/* One line each until opened: the title, and the message as it appears (for PKCE Lab's own
          errors, its code). */}
      <details open={props.open}>
        <summary>
          <h4 id={titleId}>{entry.title}</h4> <code>{entry.message}</code>
        </summary>
        <dl>
          {entry.providers && (
            <>
              <dt>Where</dt>
              <dd>{entry.providers.join(', ')}</dd>
            </>
          )}
          <dt>Cause</dt>
          <dd>{entry.cause}</dd>
          <dt>Fix</dt>
          <dd>{entry.fix}</dd>
          {entry.spec && (
            <>
              <dt>Specification</dt>
              <dd>
                <SpecLink href={entry.spec.url}>{entry.spec.label}</SpecLink>
              </dd>
            </>
          )}
        </dl>
      </details>
    </article>
  )
}

/**
 * Every error code and message the catalogue knows, grouped and searchable. "Explain this error" links
 * arrive with the entry's id as the fragment: that entry is scrolled to, marked in words, and never
 * hidden by the search.
 */
export default function ErrorExplainerPage() {
  const { hash } = useLocation()
  const targetId = hash.startsWith('#') ? hash.slice(1) : ''
  const target = CATALOGUE.find((entry) => entry.id === targetId)
  const [query, setQuery] = useState('')
  const searchId = useId()

  // The entries render after the route loads lazily, too late for the browser's own jump to the
  // fragment, so it is done here.
  useEffect(() => {
    if (target === undefined) return
    const element = document.getElementById(target.id)
    element?.scrollIntoView({ block: 'start' })
    element?.focus({ preventScroll: true })
  }, [target])

  const visible = CATALOGUE.filter((entry) => entry === target || matches(entry, query))
  const groups = CATALOGUE_GROUPS.map((group) => ({
    ...group,
    entries: visible.filter((entry) => entry.group === group.id),
  })).filter((group) => group.entries.length > 0)

  return (
    <section aria-labelledby="error-explainer-title">
      <h2 id="error-explainer-title">Error explainer</h2>
      <p>
        The error codes of OAuth 2.0 and OpenID Connect, and the messages providers, browsers and
        libraries really show, each with its likely cause and fix. Messages are quoted as they
        appear; &ldquo;…&rdquo; stands for the parts that change. Every error PKCE Lab shows links
        to its entry here.
      </p>
      <p className="error-search">
        <label htmlFor={searchId}>Search errors</label>{' '}
        <input
          id={searchId}
          type="search"
          value={query}
          aria-describedby={`${searchId}-hint`}
          onChange={(event) => {
            setQuery(event.target.value)
          }}
        />{' '}
        <span id={`${searchId}-hint`} className="hint">
          A code such as invalid_grant or AADSTS700084, words of a message, or the whole message
          pasted. Entries open when three or fewer match.
        </span>
      </p>
      <p role="status">
        {query.trim() === ''
          ? `${CATALOGUE.length} entries.`
          : `${visible.length} of ${CATALOGUE.length} entries match “${query.trim()}”.`}
      </p>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`errors-${group.id}`}>
          <h3 id={`errors-${group.id}`}>{group.label}</h3>
          {group.entries.map((entry) => (
            <Entry
              key={entry.id}
              entry={entry}
              isTarget={entry === target}
              open={
                entry === target || (query.trim() !== '' && visible.length <= OPEN_WHEN_AT_MOST)
              }
            />
          ))}
        </section>
      ))}
    </section>
  )
}
