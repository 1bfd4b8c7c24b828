"""The built-in lexicons (actors, titles, trigger verbs, question words, boilerplate), shipped inside the
package so that a wheel or a non-editable install reads the same data as a checkout (see README.md here)."""
from pathlib import Path

BUILT_IN = Path(__file__).resolve().parent
