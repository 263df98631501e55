# The s6-overlay Quickstart with execline-cs in s6-overlay's place: a busybox image (no libc), the tarball
# added at /, a supervised service, a cont-init script and a CMD, /init as the entrypoint.
#   scripts/publish.sh && podman build --pull=never -t execline-cs-demo .
#   podman run --rm -p 8080:80 execline-cs-demo     (then http://127.0.0.1:8080/; Ctrl-C or podman stop)
FROM busybox
ADD out/execline-cs-x86_64.tar.gz /
COPY scripts/demo/image/ /
ENV GREETING="execline-cs"
EXPOSE 80
ENTRYPOINT ["/init"]
CMD ["/usr/local/bin/show-site"]
