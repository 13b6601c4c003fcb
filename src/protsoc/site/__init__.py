"""The national dashboard as a static bilingual website (``protsoc site``).

Arabic first and right-to-left, French second. The site only lays out what governance/ computes
(cadence, follow-up, indicators, roadmap, evaluations) and words it with documents/ (Arabic
dates, numbers, plurals and charts), so the site, the report and the terminal commands never
disagree. Nothing is fetched from the network when a page is shown: fonts, styles, the search
script and its index are files of the site, and every link is relative.
"""
