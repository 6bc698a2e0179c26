"""The website: the site's pages assembled, its search index, its policy, publishing."""
