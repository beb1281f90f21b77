package io.netpolviz.ui;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Does what the Deployment and StatefulSet controllers do to a cluster that fabric8's mock server
 * holds (it runs no controllers): a ReplicaSet per Deployment with {@code pod-template-hash}, and
 * the pods of both, owned and labelled as a real cluster labels them. For measuring a live
 * cluster as large clusters are, pods and all.
 */
final class ControllerWork {

    private ControllerWork() {
    }

    /** Creates the objects; returns how many. */
    static int run(KubernetesClient client) {
        int made = 0;
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            String hash = Integer.toHexString(deployment.getMetadata().getName().hashCode() & 0xfffff);
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
            labels.put("pod-template-hash", hash);
            ReplicaSet replicas = client.resource(new ReplicaSetBuilder()
                    .withNewMetadata().withNamespace(deployment.getMetadata().getNamespace())
                    .withName(deployment.getMetadata().getName() + "-" + hash).addToLabels(labels)
                    .addToOwnerReferences(controller(deployment)).endMetadata()
                    .withNewSpec().withReplicas(deployment.getSpec().getReplicas()).withSelector(deployment.getSpec().getSelector())
                    .withNewTemplate().withNewMetadata().addToLabels(labels).endMetadata().withSpec(template.getSpec()).endTemplate()
                    .endSpec().build()).create();
            made++;
            int count = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
            for (int i = 0; i < count; i++) {
                client.resource(pod(replicas, replicas.getMetadata().getName() + "-" + i, labels, template)).create();
                made++;
            }
        }
        for (StatefulSet set : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
            PodTemplateSpec template = set.getSpec().getTemplate();
            int count = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
            for (int i = 0; i < count; i++) {
                Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
                String name = set.getMetadata().getName() + "-" + i;
                labels.put("controller-revision-hash", set.getMetadata().getName() + "-7c5d");
                labels.put("statefulset.kubernetes.io/pod-name", name);
                labels.put("apps.kubernetes.io/pod-index", Integer.toString(i));
                client.resource(pod(set, name, labels, template)).create();
                made++;
            }
        }
        return made;
    }

    private static Pod pod(HasMetadata owner, String name, Map<String, String> labels, PodTemplateSpec template) {
        return new PodBuilder()
                .withNewMetadata().withNamespace(owner.getMetadata().getNamespace()).withName(name).addToLabels(labels)
                .addToOwnerReferences(controller(owner)).endMetadata()
                .withSpec(template.getSpec())
                .withNewStatus().withPhase("Running").endStatus()
                .build();
    }

    private static OwnerReference controller(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true).build();
    }
}
