package dev.listcast.bench.fanout;

/**
 * The nginx configuration the bench runs nchan with: loopback only, one worker (to compare like with like against
 * one edge process), file and connection limits sized for ~19,500 subscribers, channel named by the {@code c}
 * query parameter so every round starts on an empty channel.
 */
public final class NchanConfig {
    /** Where Debian's {@code libnginx-mod-nchan} puts the module. */
    public static final String MODULE = "/usr/lib/nginx/modules/ngx_nchan_module.so";

    private NchanConfig() {
    }

    public static String render(int port, int maxConnections) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        return """
                load_module %s;
                worker_processes 1;
                worker_rlimit_nofile %d;
                pid nginx.pid;
                error_log logs/error.log warn;
                events {
                    worker_connections %d;
                    multi_accept on;
                }
                http {
                    access_log off;
                    client_body_temp_path tmp/body;
                    proxy_temp_path tmp/proxy;
                    fastcgi_temp_path tmp/fastcgi;
                    uwsgi_temp_path tmp/uwsgi;
                    scgi_temp_path tmp/scgi;
                    server {
                        listen 127.0.0.1:%d backlog=4096;
                        location = /sub {
                            nchan_subscriber eventsource;
                            nchan_channel_id $arg_c;
                        }
                        location = /pub {
                            nchan_publisher;
                            nchan_channel_id $arg_c;
                            nchan_message_buffer_length 64;
                        }
                    }
                }
                """.formatted(MODULE, maxConnections, maxConnections, port);
    }
}
