import a from
