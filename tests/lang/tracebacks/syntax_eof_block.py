class Empty:

