"""LLM brainstorming, always as drafts for human review.

Submodules, one job each: `config` (settings and where they came from), `redact` (secrets and
e-mail addresses out of anything sent), `prompt` (versioned templates, token budget, trimming,
`--show-prompt` previews), `client` (the litellm call: streaming, timeout, one retry on 429, error
mapping) and `draft` (`draft_for`, the single entry point that logs the draft).

Importing any of them never imports litellm (it costs ~2 s); only `client` does, inside the call.
"""
