package io.netpolviz.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Map;

/** Typed API objects for the mock server, kept small: names, labels and one port each. */
final class Fixtures {

    private Fixtures() {
    }

    static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withNewMetadata().withName(name).addToLabels(labels)
                .addToLabels("kubernetes.io/metadata.name", name).endMetadata().build();
    }

    static Pod pod(String namespace, String name, Map<String, String> labels) {
        return new PodBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).addToLabels(labels).endMetadata()
                .withNewSpec()
                .addNewContainer().withName("app").withImage("nginx")
                .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                .endContainer()
                .endSpec()
                .build();
    }

    static Deployment deployment(String namespace, String name, int replicas, Map<String, String> podLabels) {
        return new DeploymentBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().addToMatchLabels(podLabels).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels(podLabels).endMetadata()
                .withNewSpec()
                .addNewContainer().withName("app").withImage("nginx")
                .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static ReplicaSet replicaSetOwnedBy(Deployment owner, String name) {
        return new ReplicaSetBuilder()
                .withNewMetadata().withNamespace(owner.getMetadata().getNamespace()).withName(name)
                .addToOwnerReferences(controllerReference(owner)).endMetadata()
                .withNewSpec()
                .withReplicas(owner.getSpec().getReplicas())
                .withSelector(owner.getSpec().getSelector())
                .withTemplate(owner.getSpec().getTemplate())
                .endSpec()
                .build();
    }

    static Pod podOwnedBy(HasMetadata owner, String name, Map<String, String> labels) {
        Pod pod = pod(owner.getMetadata().getNamespace(), name, labels);
        pod.getMetadata().getOwnerReferences().add(controllerReference(owner));
        return pod;
    }

    private static io.fabric8.kubernetes.api.model.OwnerReference controllerReference(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true)
                .build();
    }

    static Service service(String namespace, String name, Map<String, String> selector) {
        return new ServiceBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().addToSelector(selector)
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }

    /** Isolates every pod of the namespace for ingress and admits nothing. */
    static NetworkPolicy denyAllIngress(String namespace, String name) {
        return new NetworkPolicyBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress").endSpec()
                .build();
    }

    /** Admits pods labelled {@code from} to pods labelled {@code to}, on TCP 8080. */
    static NetworkPolicy allow(String namespace, String name, Map<String, String> to, Map<String, String> from) {
        return new NetworkPolicyBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec()
                .withNewPodSelector().addToMatchLabels(to).endPodSelector()
                .addNewIngress()
                .addNewFrom().withNewPodSelector().addToMatchLabels(from).endPodSelector().endFrom()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(8080)).endPort()
                .endIngress()
                .withPolicyTypes("Ingress")
                .endSpec()
                .build();
    }

    /** A small shop: labelled namespace, a deployment, a bare pod, a service and two policies. */
    static void createShop(KubernetesClient client) {
        client.resource(namespace("shop", Map.of("team", "web"))).create();
        client.resource(deployment("shop", "web", 3, Map.of("app", "web"))).create();
        client.resource(pod("shop", "debug", Map.of("app", "debug"))).create();
        client.resource(service("shop", "web", Map.of("app", "web"))).create();
        client.resource(denyAllIngress("shop", "deny-all")).create();
        client.resource(allow("shop", "web-from-debug", Map.of("app", "web"), Map.of("app", "debug"))).create();
    }
}
