#!/usr/bin/env python3
"""The chapter's client and server, ported to Python 3 and otherwise unchanged in behaviour.

    python3 examples/book.py server            # the book's server on port 1060
    python3 examples/book.py client 32         # the book's client: sends everything, then reads
    HOST=127.0.0.1 PORT=1060 python3 examples/book.py client 1073741824

The client half-closes (SHUT_WR) after sending, which is what lets a server know it is done.
"""
import os
import socket
import sys

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', '1060'))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

if sys.argv[1:] == ['server']:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, PORT))
    s.listen(1)
    while True:
        print('Listening at', s.getsockname())
        sc, sockname = s.accept()
        print('Processing up to 1024 bytes at a time from', sockname)
        n = 0
        while True:
            message = sc.recv(1024)
            if not message:
                break
            sc.sendall(message.upper())  # send it back uppercase
            n += len(message)
            print('\r%d bytes processed so far' % (n,), end='', flush=True)
        print()
        sc.close()
        print('Completed processing')

elif len(sys.argv) == 3 and sys.argv[1] == 'client' and sys.argv[2].isdigit():
    nbytes = (int(sys.argv[2]) + 15) // 16 * 16  # round up to // 16
    message = b'capitalize this!'  # 16-byte message to repeat over and over

    print('Sending', nbytes, 'bytes of data, in chunks of 16 bytes')
    s.connect((HOST, PORT))

    sent = 0
    while sent < nbytes:
        s.sendall(message)
        sent += len(message)
        print('\r%d bytes sent' % (sent,), end='', flush=True)

    print()
    s.shutdown(socket.SHUT_WR)

    print('Receiving all the data the server sends back')

    received = 0
    while True:
        data = s.recv(42)
        if not received:
            print('The first data received says', repr(data))
        if not data:
            break
        received += len(data)
        print('\r%d bytes received' % (received,), end='', flush=True)

    print()
    s.close()

else:
    print('usage: book.py server | client <bytes>', file=sys.stderr)
    sys.exit(2)
