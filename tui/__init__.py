"""mockloop's terminal interface: the Textual app and the command line."""
