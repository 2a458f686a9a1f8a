"""Minutes: compose a meeting into a document model, then write it as Word or Markdown.

Pure functions over models; nothing here touches the database or the screen.
"""
