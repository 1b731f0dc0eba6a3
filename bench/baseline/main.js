/* global document */
/**
 * The size baseline of the initial-JS budget: React, react-dom/client and react-router's data router,
 * doing nothing. PKCE Lab's first screen may weigh at most 10 KiB (gzip) more than this.
 */
import { createElement, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'

const router = createBrowserRouter([{ path: '/', element: createElement('p', null, 'Baseline') }])
const root = document.getElementById('root')
if (root === null) throw new Error('no #root')
createRoot(root).render(createElement(StrictMode, null, createElement(RouterProvider, { router })))
