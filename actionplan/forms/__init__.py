"""The plan's forms: officers' updates and evidence (`actions`) and the spreadsheet import (`imports`)."""
