"""Reading documents clerks already have (agendas, past minutes) into clerk's models.

Never crashes on an unknown layout: what it cannot read it reports.
"""
