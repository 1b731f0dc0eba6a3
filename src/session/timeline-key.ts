/**
 * Where the timeline's stored copy crosses page loads. Apart from flow-timeline.ts, so the session
 * can tell that a copy is waiting without loading the timeline's code.
 */
export const TIMELINE_KEY = 'pkce-lab:timeline'
