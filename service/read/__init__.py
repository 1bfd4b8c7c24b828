"""The read side: what the graph holds, for people and programs (documents and their passages, actors'
profiles, linked-data descriptions, VoID, dumps, counts), over any store, without HTTP."""
