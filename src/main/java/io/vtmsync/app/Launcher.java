package io.vtmsync.app;

import io.vtmsync.demo.Demo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code run} (the default: sync until stopped), {@code demo} (an embedded
 * cluster and a scripted story), {@code render} (print one Service's plugin JSON, like the original
 * plugin's Test button), {@code status} (a running instance's status table). Options {@code
 * --config=FILE}, {@code --routes=DIR} and any {@code --key=value} setting override the config
 * file.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("render")) {
      // Before the first logger exists: stdout carries only render's JSON document.
      System.setProperty("vtmsync.log-target", "SYSTEM_ERR");
      OneShotLogging.use(System.getenv());
    }
    System.exit(run(args, System.out, System.err));
  }

  /** The command line as {@link #main} runs it, with its streams; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    String command = args.length == 0 || args[0].startsWith("-") ? "run" : args[0];
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
      rest.remove(0);
    }
    try {
      return switch (command) {
        case "run" -> {
          App.create(CommandLine.appOptions(rest)).run();
          yield 0;
        }
        case "demo" -> Demo.run(CommandLine.appOptions(rest), out);
        case "once" -> OnceCommand.run(CommandLine.appOptions(rest), out);
        case "render" -> RenderCommand.run(rest, out);
        case "status" -> StatusCommand.run(rest, out, err);
        case "help" -> usage(out, 0);
        default -> {
          err.println("unknown command '" + command + "'");
          yield usage(err, 2);
        }
      };
    } catch (IllegalArgumentException e) {
      err.println("vtm-k8s-sync: " + e.getMessage());
      return 2;
    } catch (org.apache.camel.PropertyBindingException e) {
      err.println("vtm-k8s-sync: " + CamelKeys.describe(e));
      return 2;
    }
  }

  private static int usage(PrintStream out, int code) {
    out.println(
        """
        usage: java -jar vtm-k8s-sync.jar [run] [--config=FILE] [--routes=DIR] [--dry-run] [--key=value ...]
               java -jar vtm-k8s-sync.jar once [--timeout=SECONDS] [--dry-run] [same options as run]
               java -jar vtm-k8s-sync.jar status [--url=http://127.0.0.1:8080] [--namespace=NS] [--state=STATE]
               java -jar vtm-k8s-sync.jar demo
               java -jar vtm-k8s-sync.jar render --service=NAMESPACE/NAME [--port=NAME]
                   [--mode=nodeport|pod|hostport] [--address-type=InternalIP|ExternalIP]
                   [--kubeconfig=FILE] [--context=NAME] [--master-url=URL]
        run     sync pools until stopped (SIGTERM), using config/application.properties
        once    one full sync, then exit: 0 every target converged, 1 some did not (with
                --dry-run: or would be changed), 2 timeout
        --dry-run  plan and log the diff per target; write nothing
        status  the status table of a running instance (its /status.json): exit 0 every cell
                converged, 1 some did not, 2 unreachable
        demo    embedded Kubernetes API and a scripted story; prints each pool change
        render  print the Service Discovery JSON for one Service once; exit 0 only for code 200
        """);
    return code;
  }
}
