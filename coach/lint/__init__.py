"""`coach lint`: static analysis of ML training code (scripts and notebooks).

Never imports scikit-learn, litellm or Textual.
"""
