// `lapak-ledger serve`: the HTTP server until SIGINT or SIGTERM.
#include <signal.h>

#include <fmt/core.h>

#include <iostream>
#include <thread>

#include "app/ledger/ledger_cli.h"
#include "sync/ledger/web/ledger_server.h"

namespace lapak::ledger_cli {

namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string tls_certificate;
  std::string tls_key;
  // The server's other bounds stay at HttpLimits' defaults (sync/ledger/web/http_server.h).
  ledger::HttpLimits limits;
};

void Serve(Context& ctx, const ServeOptions& options) {
  // Blocked in every thread (the server's threads inherit the mask); one thread waits for
  // them and stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // Records this run in the database; closing the store (any return from here, the stop
  // signals' included) records its clean stop. After a run that did not stop cleanly the open
  // checks the whole file first, and says so (core/durable_database.h).
  std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kServe);
  if (!store) return;
  std::optional<ledger::TlsFiles> tls;
  if (!options.tls_certificate.empty()) tls = ledger::TlsFiles{options.tls_certificate, options.tls_key};
  ledger::LedgerServer server(*store, *ctx.clock, tls, options.limits);
  if (!Check(ctx, server.Bind(options.host, options.port))) return;
  // The first line of output names the address: tests and scripts wait for it.
  std::cout << fmt::format("lapak-ledger listening on {}://{}:{}", tls ? "https" : "http",
                           options.host, server.port())
            << std::endl;
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  });
  const Status served = server.Serve();
  if (!served.ok()) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  Check(ctx, served);
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Receive batches from terminals over HTTP");
  serve->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", options->port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  CLI::Option* certificate =
      serve->add_option("--tls-cert", options->tls_certificate, "Serve HTTPS with this PEM certificate chain")
          ->check(CLI::ExistingFile);
  serve->add_option("--tls-key", options->tls_key, "… and this PEM private key")
      ->check(CLI::ExistingFile)
      ->needs(certificate);
  certificate->needs("--tls-key");
  serve->add_option("--max-connections", options->limits.max_connections,
                    "Open connections at most (lowered to what the file limit allows)")
      ->check(CLI::Range(size_t{1}, size_t{1'000'000}))
      ->capture_default_str();
  serve->add_option("--max-connections-per-address", options->limits.max_connections_per_address,
                    "Open connections at most from one address; behind a load balancer, every "
                    "connection comes from the balancer's")
      ->check(CLI::Range(size_t{1}, size_t{1'000'000}))
      ->capture_default_str();
  serve->callback([&ctx, options] { Serve(ctx, *options); });
}

}  // namespace lapak::ledger_cli
