package io.netpolviz.load;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Pod, or a workload with a pod template, into a {@link Workload}: the labels and
 * container ports its pods get, how many pods it runs, and whether they use the host network.
 *
 * <p>Replicas: {@code spec.replicas} (API default 1) for Deployment, ReplicaSet, StatefulSet and
 * ReplicationController; {@code spec.parallelism} (default 1) for a Job; 1 for a bare Pod, for a
 * CronJob (one run at a time) and for a DaemonSet, where it stands for "one pod per node", since
 * the nodes are not part of the manifests. A KubeVirt VirtualMachine runs one pod with its
 * template's labels and no declared ports (its template describes a machine, not containers).
 */
final class WorkloadReader {

    private static final FieldPath SPEC = FieldPath.ROOT.field("spec");

    private WorkloadReader() {
    }

    static Workload read(ObjectReader reader, Map<?, ?> object, ObjectMeta meta, WorkloadKind kind, SourceRef where) {
        Map<?, ?> spec = reader.mapping(object.get("spec"), SPEC, null);
        if (kind == WorkloadKind.POD) {
            PodSpec pod = podSpec(reader, spec, SPEC);
            return new Workload(meta.namespace(), meta.name(), kind, 1, meta.labels(), pod.ports(), pod.hostNetwork(),
                    podAddresses(reader, object.get("status")), where);
        }
        int replicas = switch (kind) {
            case DAEMON_SET, CRON_JOB, VIRTUAL_MACHINE -> 1;
            case JOB -> count(reader, spec == null ? null : spec.get("parallelism"), SPEC.field("parallelism"));
            default -> count(reader, spec == null ? null : spec.get("replicas"), SPEC.field("replicas"));
        };
        FieldPath templatePath;
        Map<?, ?> templateHolder;
        if (kind == WorkloadKind.CRON_JOB) {
            FieldPath jobTemplatePath = SPEC.field("jobTemplate");
            Map<?, ?> jobTemplate = spec == null ? null : reader.mapping(spec.get("jobTemplate"), jobTemplatePath, null);
            Map<?, ?> jobSpec = jobTemplate == null ? null : reader.mapping(jobTemplate.get("spec"), jobTemplatePath.field("spec"), null);
            templateHolder = jobSpec;
            templatePath = jobTemplatePath.field("spec").field("template");
        } else {
            templateHolder = spec;
            templatePath = SPEC.field("template");
        }
        Object rawTemplate = templateHolder == null ? null : templateHolder.get("template");
        Map<?, ?> template = reader.mapping(rawTemplate, templatePath, null);
        if (rawTemplate == null) {
            reader.error(templatePath, templatePath + " is missing; a " + kind.apiKind()
                    + " needs a pod template with the pods' labels and containers");
        }
        Map<String, String> podLabels = Map.of();
        PodSpec pod = new PodSpec(List.of(), false);
        if (template != null) {
            FieldPath templateMetaPath = templatePath.field("metadata");
            Map<?, ?> templateMeta = reader.mapping(template.get("metadata"), templateMetaPath, "{labels: {app: web}}");
            if (templateMeta != null) {
                podLabels = reader.labels(templateMeta.get("labels"), templateMetaPath.field("labels"));
            }
            FieldPath podSpecPath = templatePath.field("spec");
            if (kind != WorkloadKind.VIRTUAL_MACHINE) { // a VM's template holds a machine (domain, networks), not containers
                pod = podSpec(reader, reader.mapping(template.get("spec"), podSpecPath, null), podSpecPath);
            }
        }
        return new Workload(meta.namespace(), meta.name(), kind, replicas, podLabels, pod.ports(), pod.hostNetwork(), where);
    }

    /**
     * A pod's {@code status.podIP} and {@code status.podIPs[].ip}, where given. A status is the
     * cluster's to write, so an unreadable address is a warning, never a reason to leave the pod out.
     */
    private static List<IpAddress> podAddresses(ObjectReader reader, Object rawStatus) {
        if (!(rawStatus instanceof Map<?, ?> status)) {
            return List.of();
        }
        FieldPath statusPath = FieldPath.ROOT.field("status");
        List<IpAddress> addresses = new ArrayList<>();
        addAddress(reader, status.get("podIP"), statusPath.field("podIP"), addresses);
        if (status.get("podIPs") instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item) {
                    addAddress(reader, item.get("ip"), statusPath.field("podIPs").index(i).field("ip"), addresses);
                }
            }
        }
        return addresses;
    }

    private static void addAddress(ObjectReader reader, Object value, FieldPath path, List<IpAddress> into) {
        if (value instanceof String text && !text.isEmpty()) {
            IpAddress.parse(text).ifPresentOrElse(into::add,
                    () -> reader.warning(path, path + " \"" + text + "\" is not an IP address; the pod is treated as having no known address"));
        }
    }

    private record PodSpec(List<ContainerPort> ports, boolean hostNetwork) {
    }

    private static int count(ObjectReader reader, Object value, FieldPath path) {
        Integer count = reader.int32(value, path);
        if (count == null) {
            return 1;
        }
        if (count < 0) {
            reader.error(path, path + " is " + count + "; it must be 0 or more");
            return 1;
        }
        return count;
    }

    /** Container ports come from {@code containers} only: init containers finish before the pod serves. */
    private static PodSpec podSpec(ObjectReader reader, Map<?, ?> spec, FieldPath path) {
        FieldPath containersPath = path.field("containers");
        Object rawContainers = spec == null ? null : spec.get("containers");
        List<?> containers = reader.list(rawContainers, containersPath, "[{name: web, image: nginx}]");
        if (rawContainers == null || (containers != null && containers.isEmpty())) {
            reader.warning(containersPath, containersPath + " is missing or empty; the API server requires at least one container."
                    + " The pods are shown without ports");
        }
        List<ContainerPort> ports = new ArrayList<>();
        if (containers != null) {
            for (int i = 0; i < containers.size(); i++) {
                FieldPath containerPath = containersPath.index(i);
                Map<?, ?> container = reader.mapping(containers.get(i), containerPath, "{name: web, image: nginx}");
                if (container != null) {
                    containerPorts(reader, container.get("ports"), containerPath.field("ports"), ports);
                }
            }
        }
        boolean hostNetwork = false;
        if (spec != null) {
            Boolean value = reader.bool(spec.get("hostNetwork"), path.field("hostNetwork"));
            hostNetwork = Boolean.TRUE.equals(value);
        }
        return new PodSpec(ports, hostNetwork);
    }

    private static void containerPorts(ObjectReader reader, Object value, FieldPath path, List<ContainerPort> into) {
        List<?> items = reader.list(value, path, "[{name: http, containerPort: 8080}]");
        if (items == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            FieldPath portPath = path.index(i);
            Map<?, ?> entry = reader.mapping(items.get(i), portPath, "{name: http, containerPort: 8080}");
            if (entry == null) {
                if (items.get(i) == null) {
                    reader.error(portPath, portPath + " is empty; a container port needs containerPort");
                }
                continue;
            }
            FieldPath numberPath = portPath.field("containerPort");
            Integer number = null;
            if (entry.get("containerPort") == null) {
                reader.error(portPath, numberPath + " is missing; give the port number the container listens on");
            } else {
                number = PortReader.portNumber(reader, entry.get("containerPort"), numberPath);
            }
            FieldPath namePath = portPath.field("name");
            String name = reader.string(entry.get("name"), namePath);
            if (name != null && !name.isEmpty()) {
                String problem = NameRules.portName(name);
                if (problem != null) {
                    reader.error(namePath, namePath + " \"" + name + "\" " + problem);
                } else if (!names.add(name)) {
                    reader.error(namePath, namePath + " \"" + name + "\" is used twice in this container; port names must be unique");
                }
            }
            Protocol protocol = PortReader.protocol(reader, entry.get("protocol"), portPath.field("protocol"));
            if (number != null && protocol != null) {
                into.add(new ContainerPort(name == null || name.isEmpty() ? null : name, number, protocol));
            }
        }
    }
}
