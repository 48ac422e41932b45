# Shared by the curl examples. GATEWAY picks the server; HTTP picks the transport:
#   HTTP=--http1.1 (default), HTTP=--http2-prior-knowledge, or HTTP=--http2 (h2c upgrade offer).
GATEWAY=${GATEWAY:-http://localhost:8088}
HTTP=${HTTP:---http1.1}
