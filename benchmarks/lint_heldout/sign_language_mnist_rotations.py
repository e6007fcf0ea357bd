# In[1]:

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from scipy import ndimage
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelBinarizer
import tensorflow as tf

# In[2]:

sign = pd.read_csv('../input/sign-language-mnist/sign_mnist_train.csv')
labels = sign['label'].values
imgs = sign.drop('label', axis=1).values.reshape(-1, 28, 28) / 255.0
plt.imshow(imgs[0], cmap='gray')

# In[3]:

def augment(images, targets, angles=(-10, 10)):
    out_x, out_y = [images], [targets]
    for a in angles:
        out_x.append(np.stack([ndimage.rotate(im, a, reshape=False) for im in images]))
        out_y.append(targets)
    return np.concatenate(out_x), np.concatenate(out_y)

imgs_all, labels_all = augment(imgs, labels)
print(imgs_all.shape)

# In[4]:

lb = LabelBinarizer()
y_all = lb.fit_transform(labels_all)
x_tr, x_te, y_tr, y_te = train_test_split(imgs_all[..., None], y_all, test_size=0.2, random_state=0)

# In[5]:

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(64, 3, activation='relu', input_shape=(28, 28, 1)),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(64, 3, activation='relu'),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation='relu'),
    tf.keras.layers.Dense(24, activation='softmax'),
])
model.compile('adam', 'categorical_crossentropy', metrics=['accuracy'])
model.fit(x_tr, y_tr, epochs=8, batch_size=128)

# In[6]:

print(model.evaluate(x_te, y_te))
