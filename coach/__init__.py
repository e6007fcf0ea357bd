"""Coach: an ML project coach. Rules first, LLM drafts only for brainstorming, everything logged."""

__version__ = "0.1.0"
