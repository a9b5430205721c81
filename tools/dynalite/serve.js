#!/usr/bin/env node
// Runs dynalite's own command line, but survives a client that drops a
// request midway. dynalite 4.0.0 rethrows a request's 'error' event
// (index.js: `req.on('error', function (err) { throw err })`), so an API
// whose call times out or is killed mid-request took the store down with
// it (docs/ENGAGEMENT.md, "Faults"). Such an error concerns one aborted
// request only: log it and keep serving. Anything else still ends the
// process, as before.
'use strict'

const dropped = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE'])

process.on('uncaughtException', (err) => {
  if (err && (dropped.has(err.code) || err.message === 'aborted')) {
    console.error('dynalite: a client dropped a request (%s); still serving', err.code || err.message)
    return
  }
  console.error(err)
  process.exit(1)
})

require('dynalite/cli.js')
